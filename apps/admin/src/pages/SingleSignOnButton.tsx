import { isSingleSignOnError, type TSingleSignOnError } from '@candor/schemas/labels';
import BusinessOutlinedIcon from '@mui/icons-material/BusinessOutlined';
import { Alert, Button, Skeleton, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadingBlock } from '../components/LoadingBlock';
import { lazyView } from '../lazyView';
import { trpc } from '../trpc';

const SingleSignOnEmailForm = lazyView(() => import('./SingleSignOnEmailForm'), 'SingleSignOnEmailForm');

/** What the sign-in page says for each refusal the single sign-on callback sends back. */
const ERROR_MESSAGES: Record<TSingleSignOnError, string> = {
  not_available:
    'Single sign-on is not set up for that address. Sign in with your password, or ask your administrator.',
  choose_organisation:
    'More than one organisation uses that email domain: use your organisation’s own sign-in link.',
  expired: 'That sign-in took too long or was already used. Please start again.',
  other_browser: 'That sign-in was started in another browser. Please start again here.',
  provider_refused: 'Your identity provider did not sign you in.',
  failed: 'Signing in with your identity provider did not work. Try again, or ask your administrator.',
  email_not_verified: 'Your identity provider has not confirmed your email address.',
  domain_not_allowed: 'Your organisation does not allow sign-in with that email domain.',
  not_a_member: 'You are not a member of this organisation in Candor. Ask an administrator to invite you.',
  too_many_attempts: 'Too many sign-in attempts. Wait a few minutes and try again.',
};

/** Leaves the backoffice for the API's start route, which redirects to the provider. */
function startAt(query: Record<string, string>) {
  window.location.assign(`/auth/oidc/start?${new URLSearchParams(query)}`);
}

/**
 * Single sign-on on the sign-in page. The page is shared by every
 * organisation, so it asks for the work address and the API finds the
 * organisation by its domain; an organisation's own link
 * (`#/login?org=<slug>`) shows "Sign in with <provider>" at once. A refused
 * sign-in comes back as `?sso_error=<code>`, shown here in words.
 */
export function SingleSignOnButton() {
  const [params] = useSearchParams();
  const org = params.get('org');
  const refused = params.get('sso_error');
  const provider = useQuery({
    queryKey: ['singleSignOnOf', org],
    queryFn: () => trpc.auth.singleSignOnOf.query({ org: org! }),
    enabled: Boolean(org),
    retry: false,
  });
  const [askingEmail, setAskingEmail] = useState(false);

  return (
    // Right under the sign-in form's other alternatives (its "or" and the passkey button), as one more.
    <Stack spacing={1.5} sx={{ px: 2, pb: 3, mt: -1 }}>
      {isSingleSignOnError(refused) && (
        <Alert severity="error" role="alert">
          {ERROR_MESSAGES[refused]}
        </Alert>
      )}
      {org && provider.isPending ? (
        <LoadingBlock label="Loading your organisation’s sign-in" height={36} variant="rounded" />
      ) : org && provider.data ? (
        <Button
          variant="outlined"
          startIcon={<BusinessOutlinedIcon aria-hidden />}
          onClick={() => startAt({ org })}
        >
          Sign in with {provider.data.providerName}
        </Button>
      ) : askingEmail ? (
        <Suspense
          fallback={<LoadingBlock label="Loading the single sign-on form" height={56} variant="rounded" />}
        >
          <SingleSignOnEmailForm onEmail={(email) => startAt({ email })} />
        </Suspense>
      ) : (
        <Button
          variant="outlined"
          startIcon={<BusinessOutlinedIcon aria-hidden />}
          onClick={() => setAskingEmail(true)}
        >
          Sign in with single sign-on
        </Button>
      )}
    </Stack>
  );
}
