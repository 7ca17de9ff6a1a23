import { Avatar, Box, Card, Typography } from '@mui/material';
import { type ReactNode, useEffect } from 'react';
import { useCheckAuth, useNavigate } from 'react-admin';
import { CandorMark } from '../layout/CandorMark';

/**
 * The sign-in page's frame: Candor's mark on a card, on a light teal ground
 * (react-admin's <Login> has a lock on navy). Like <Login>, it sends someone
 * already signed in to the dashboard. Not <Login> itself: importing it brings
 * react-admin's own login form, and with it the form library, into the sign-in
 * page's download (issue 16's first-load budget).
 */
export function SignInFrame({ children }: { children: ReactNode }) {
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => {
        // Not signed in: this is the right page.
      });
  }, [checkAuth, navigate]);

  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        minHeight: '100vh',
        backgroundImage: 'linear-gradient(160deg, #ecfdf5 0%, #ccfbf1 55%, #99f6e4 100%)',
      }}
    >
      <Card
        sx={{
          width: { xs: 'calc(100% - 32px)', sm: 380 },
          mt: { xs: 4, sm: '6em' },
          borderRadius: 3,
          px: 1,
          pb: 1,
        }}
      >
        <Box sx={{ m: '1em', display: 'flex', justifyContent: 'center' }}>
          <Avatar sx={{ bgcolor: 'transparent', width: 48, height: 48 }}>
            <CandorMark size={48} />
          </Avatar>
        </Box>
        {children}
      </Card>
      <Typography variant="body2" sx={{ mt: 3, mb: 4, color: '#115e59' }}>
        Candor · hiring that is lawful with applicants’ data
      </Typography>
    </Box>
  );
}
