import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';

type Props = {
  title: string;
  /** A sentence under the title saying what the section is for. */
  hint?: ReactNode;
  /** The heading's id, when something else refers to it; a generated one otherwise. */
  id?: string;
  /**
   * `card`: a card labelled by its heading (a landmark screen readers list);
   * `outlined`: the same with a border instead of a shadow, for the panels of a detail page;
   * `divided`: a ruled-off part of a longer form, not a landmark.
   */
  variant?: 'card' | 'outlined' | 'divided';
  children: ReactNode;
};

/** A titled part of a page. */
export function Section({ title, hint, id, variant = 'card', children }: Props) {
  const generatedId = useId();
  const headingId = id ?? generatedId;
  if (variant === 'divided') {
    return (
      <Box component="section" sx={{ width: '100%', mb: 1 }}>
        <Divider sx={{ mb: 2 }} />
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {hint && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {hint}
          </Typography>
        )}
        {children}
      </Box>
    );
  }
  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      variant={variant === 'outlined' ? 'outlined' : undefined}
    >
      <CardContent>
        <Typography id={headingId} variant="h6" component="h2" gutterBottom={!hint}>
          {title}
        </Typography>
        {hint && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {hint}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
