// The citizen's satisfaction rating, without sign-in: dossier code and the receipt's lookup secret, a level from
// 1 to 5 and an optional comment. Once per dossier, after the result is delivered: the server's 409 says which.
// The e-mail on delivery links here with ?ma=<code>; nothing about the applicant is shown.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PublicPage } from '../../components/PublicPage';
import { useReceiptKey } from '../../components/use-receipt-key';
import { ReceiptKeyFields } from '../../components/ReceiptKeyFields';
import { workspaceApi } from '../../api/workspace-api';

const scores = [5, 4, 3, 2, 1] as const;

export function PublicRatingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // The lookup page hands the secret over in the router state, never in the address.
  const carried = (useLocation().state as { code?: string; secret?: string } | null) ?? {};
  const receipt = useReceiptKey({
    code: carried.code ?? params.get('ma') ?? '',
    secret: carried.secret ?? '',
  });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const rate = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!score) return;
    await receipt.send(async (key) => {
      const answer = await workspaceApi.rate({
        ...key,
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setDone(t('ws.rating.thanks', { code: answer.code }));
    });
  };

  return (
    <PublicPage title={t('ws.rating.title')}>
      {done ? (
        <Alert severity="success" role="status" data-testid="rating-done">
          {done}
        </Alert>
      ) : (
        <Paper component="form" noValidate onSubmit={(e) => void rate(e)} sx={{ p: 2 }}>
          <Typography sx={{ mb: 2 }}>{t('ws.rating.intro')}</Typography>
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
              <ReceiptKeyFields idPrefix="rating" receipt={receipt} />
            </Stack>
            <FormControl required error={submitted && !score}>
              <FormLabel id="rating-score-label">{t('ws.rating.score')}</FormLabel>
              <RadioGroup
                aria-labelledby="rating-score-label"
                value={score ?? ''}
                onChange={(e) => setScore(Number(e.target.value))}
              >
                {scores.map((s) => (
                  <FormControlLabel
                    key={s}
                    value={s}
                    control={<Radio />}
                    label={`${s} — ${t(`ws.rating.scores.${s}`)}`}
                  />
                ))}
              </RadioGroup>
              {submitted && !score && <FormHelperText>{t('ws.rating.scoreRequired')}</FormHelperText>}
            </FormControl>
            <TextField
              id="rating-comment"
              label={t('ws.rating.comment')}
              multiline
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
            <Button
              type="submit"
              variant="contained"
              disabled={receipt.busy}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('ws.rating.submit')}
            </Button>
          </Stack>
        </Paper>
      )}
      {receipt.problem && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="rating-problem">
          {receipt.problem}
        </Alert>
      )}
      <Link component={RouterLink} to="/tra-cuu" sx={{ display: 'inline-block', mt: 2 }}>
        {t('ws.rating.toLookup')}
      </Link>
    </PublicPage>
  );
}
