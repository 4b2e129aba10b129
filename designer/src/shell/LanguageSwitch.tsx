// VI / EN toggle.
import { useTranslation } from 'react-i18next';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { switchLanguage } from '../app/i18n';

export function LanguageSwitch({ inverted = false }: { inverted?: boolean }) {
  const { t, i18n } = useTranslation();
  const colour = inverted ? { color: 'rgba(255,255,255,0.8)', '&.Mui-selected': { color: '#fff' } } : {};
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={i18n.language}
      aria-label={t('nav.language')}
      onChange={(_e, lang: 'vi' | 'en' | null) => lang && switchLanguage(lang)}
    >
      <ToggleButton value="vi" sx={{ py: 0.25, ...colour }}>
        VI
      </ToggleButton>
      <ToggleButton value="en" sx={{ py: 0.25, ...colour }}>
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
