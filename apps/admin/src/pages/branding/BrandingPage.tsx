import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { BRANDING_KEY, BrandingForm } from './BrandingForm';

/** How the careers site looks: name, colour, about text and logo; for owners and admins (settings.manage). */
export function BrandingPage() {
  const dataProvider = useCandorDataProvider();
  const [logoVersion, setLogoVersion] = useState(0);
  const {
    data: branding,
    isPending,
    error,
  } = useQuery({
    queryKey: BRANDING_KEY,
    queryFn: () => dataProvider.branding(),
  });
  if (isPending) return <Loading />;
  if (error || !branding) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load the branding: {error ? toHttpError(error).message : 'unknown error'}
      </Alert>
    );
  }
  // Restarted from the saved values after each save.
  return (
    <BrandingForm
      key={JSON.stringify(branding)}
      branding={branding}
      logoVersion={logoVersion}
      onLogoSaved={() => setLogoVersion(Date.now())}
    />
  );
}
