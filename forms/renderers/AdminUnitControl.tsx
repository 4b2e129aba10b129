// Address after the 2025 reorganisation: province/city → commune/ward/special zone (no district), then the
// house number and street. Changing the province clears the commune, which would no longer belong to it.
import { useMemo } from 'react';
import { useJsonForms, withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import Autocomplete from '@mui/material/Autocomplete';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { communesOf, refOptions, type RefOption } from '../reference-data';

interface AdminUnitValue {
  province?: string;
  commune?: string;
  detail?: string;
}

/** JSON Forms puts a child's errors on the child path; this control draws the children itself. */
function childErrors(errors: ErrorObject[], path: string, translate: (e: ErrorObject) => string) {
  const byChild: Record<string, string> = {};
  for (const error of errors) {
    const params = error.params as { missingProperty?: string };
    const at =
      error.keyword === 'required' ? `${error.instancePath}/${params.missingProperty}` : error.instancePath;
    const child = at.startsWith(`${path}/`) ? at.slice(path.length + 1) : undefined;
    if (child && !child.includes('/') && byChild[child] === undefined) byChild[child] = translate(error);
  }
  return byChild;
}

export function AdminUnitControl(props: ControlProps) {
  const { data, handleChange, path, label, errors, required, enabled, visible, id, uischema } = props;
  const ctx = useJsonForms();
  const lang = ctx.i18n?.locale === 'en' ? 'en' : 'vi';
  const value: AdminUnitValue = (data as AdminUnitValue | undefined) ?? {};
  const provinceOptions = refOptions('provinces', lang);
  const communeOptions: RefOption[] = useMemo(
    () => (value.province ? communesOf(value.province).map((c) => ({ code: c.code, label: c.name })) : []),
    [value.province],
  );
  if (!visible) return null;

  const pointer = `/${path.split('.').join('/')}`;
  const translate = (e: ErrorObject) =>
    ctx.i18n?.translateError?.(e, ctx.i18n.translate ?? ((_k, d) => d ?? ''), uischema) ?? e.message ?? '';
  const own = childErrors(ctx.core?.errors ?? [], pointer, translate);
  // The adminUnit keyword (commune outside the province) is reported on the object itself.
  const communeError = own.commune ?? (errors !== '' ? errors : undefined);
  const set = (patch: AdminUnitValue) => {
    const next = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof AdminUnitValue)[]) if (!next[key]) delete next[key];
    handleChange(path, Object.keys(next).length === 0 ? undefined : next);
  };
  const text = (key: string, vietnamese: string) => ctx.i18n?.translate?.(key, vietnamese) ?? vietnamese;

  return (
    <FormControl component="fieldset" fullWidth margin="dense" disabled={!enabled} id={id}>
      <FormLabel component="legend" required={required}>
        {label}
      </FormLabel>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Autocomplete<RefOption>
          sx={{ flex: 1 }}
          options={provinceOptions}
          value={provinceOptions.find((o) => o.code === value.province) ?? null}
          getOptionLabel={(o) => o.label}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          onChange={(_e, o) => set({ province: o?.code, commune: undefined })}
          renderInput={(params) => (
            <TextField
              {...params}
              label={text('motcua.adminUnit.province', 'Tỉnh, thành phố')}
              required
              error={own.province !== undefined}
              helperText={own.province}
              variant="standard"
              inputProps={{ ...params.inputProps, 'data-testid': `${path}.province` }}
            />
          )}
        />
        <Autocomplete<RefOption>
          sx={{ flex: 1 }}
          options={communeOptions}
          disabled={!enabled || !value.province}
          value={communeOptions.find((o) => o.code === value.commune) ?? null}
          getOptionLabel={(o) => o.label}
          isOptionEqualToValue={(a, b) => a.code === b.code}
          onChange={(_e, o) => set({ commune: o?.code })}
          renderInput={(params) => (
            <TextField
              {...params}
              label={text('motcua.adminUnit.commune', 'Xã, phường, đặc khu')}
              required
              error={communeError !== undefined}
              helperText={
                communeError ??
                (value.province
                  ? undefined
                  : text('motcua.adminUnit.provinceFirst', 'Chọn tỉnh, thành phố trước'))
              }
              variant="standard"
              inputProps={{ ...params.inputProps, 'data-testid': `${path}.commune` }}
            />
          )}
        />
      </Stack>
      <TextField
        label={text('motcua.adminUnit.detail', 'Số nhà, đường, thôn, tổ dân phố')}
        value={value.detail ?? ''}
        onChange={(e) => set({ detail: e.target.value })}
        error={own.detail !== undefined}
        helperText={own.detail}
        fullWidth
        variant="standard"
      />
    </FormControl>
  );
}

export default withJsonFormsControlProps(AdminUnitControl);
