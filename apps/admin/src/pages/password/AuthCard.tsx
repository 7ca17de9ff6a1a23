import { Avatar, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * The centred card of the pages reached signed out (from an emailed link or
 * the sign-in page): an icon, a heading and the page's content.
 */
export function AuthCard({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Stack spacing={2} sx={{ alignItems: 'stretch' }}>
            <Avatar sx={{ alignSelf: 'center', bgcolor: 'primary.main' }}>{icon}</Avatar>
            <Typography variant="h5" component="h1" align="center">
              {title}
            </Typography>
            {children}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
