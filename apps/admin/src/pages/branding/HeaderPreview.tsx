import { brandContrast } from '@candor/schemas';
import { Box, Typography } from '@mui/material';

/** The careers site's header as it will look: brand colour, readable text colour, logo or initial. */
export function HeaderPreview({
  name,
  color,
  logoSrc,
}: {
  name: string;
  color: string;
  logoSrc: string | null;
}) {
  const { text } = brandContrast(color);
  const initial = name.trim().slice(0, 1).toUpperCase() || '?';
  return (
    <Box
      role="img"
      aria-label={`Preview of the careers site header: ${name || 'company name'} on ${color}`}
      sx={{
        bgcolor: color,
        color: text,
        borderRadius: 1,
        px: 2.5,
        py: 2,
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
      }}
    >
      {logoSrc ? (
        <Box component="img" src={logoSrc} alt="" sx={{ height: 40, maxWidth: 160, objectFit: 'contain' }} />
      ) : (
        <Box
          aria-hidden
          sx={{
            display: 'inline-grid',
            placeItems: 'center',
            width: 40,
            height: 40,
            borderRadius: '10px',
            bgcolor: text,
            color,
            fontWeight: 700,
            fontSize: '1.2rem',
          }}
        >
          {initial}
        </Box>
      )}
      <Typography component="span" sx={{ fontWeight: 650, fontSize: '1.15rem', color: 'inherit' }}>
        {name || 'Company name'}
      </Typography>
    </Box>
  );
}
