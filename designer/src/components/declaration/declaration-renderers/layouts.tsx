// Groups and vertical layouts of a declaration form: the same Card with its header as JSON Forms' material group,
// the children stacked directly instead of each in a MUI Grid cell (a styled component per field).
import { memo } from 'react';
import type { Layout, LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsLayoutProps } from '@jsonforms/react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';

function Children({ uischema, schema, path, enabled, renderers, cells }: LayoutProps) {
  return (uischema as Layout).elements.map((child, index) => (
    <JsonFormsDispatch
      key={`${path}-${index}`}
      uischema={child}
      schema={schema}
      path={path}
      enabled={enabled}
      renderers={renderers}
      cells={cells}
    />
  ));
}

const groupStyle = { marginBottom: '10px' };

export const GroupLayout = withJsonFormsLayoutProps(
  memo(function GroupLayout(props: LayoutProps) {
    if (!props.visible) return null;
    return (
      <Card style={groupStyle}>
        {props.label ? <CardHeader title={props.label} /> : null}
        <CardContent>
          <Children {...props} />
        </CardContent>
      </Card>
    );
  }),
);

export const VerticalLayout = withJsonFormsLayoutProps(
  memo(function VerticalLayout(props: LayoutProps) {
    if (!props.visible) return null;
    return (
      <div className="motcua-vertical">
        <Children {...props} />
      </div>
    );
  }),
);
