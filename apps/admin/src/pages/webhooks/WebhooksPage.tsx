import {
  type TWebhookDelivery,
  type TWebhookDeliveryStatus,
  type TWebhookSubscription,
  type TWebhookSubscriptionWithSecret,
  WEBHOOK_DELIVERY_STATUSES,
} from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, Title, useNotify } from 'react-admin';
import { CopyableField } from '../../components/CopyableField';
import { EmptyState } from '../../components/EmptyState';
import { FormDialog } from '../../components/FormDialog';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';
import { WebhookForm } from './WebhookForm';

const SUBSCRIPTIONS_KEY = ['webhooks', 'list'] as const;
const DELIVERIES_KEY = ['webhooks', 'deliveries'] as const;
const PER_PAGE = 20;

const STATUS_COLOR: Record<TWebhookDeliveryStatus, 'default' | 'success' | 'error'> = {
  pending: 'default',
  delivered: 'success',
  failed: 'error',
};

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '–';
}

function Subscriptions({ onSecret }: { onSecret: (saved: TWebhookSubscriptionWithSecret) => void }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TWebhookSubscription | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TWebhookSubscription | null>(null);
  const list = useQuery({ queryKey: SUBSCRIPTIONS_KEY, queryFn: () => trpc.webhooks.list.query() });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const ping = useMutation({
    mutationFn: (id: string) => trpc.webhooks.ping.mutate({ id }),
    onSuccess: (delivery) => {
      void refresh();
      notify(
        delivery.status === 'delivered'
          ? `Test delivered (HTTP ${delivery.lastHttpStatus})`
          : `Test not delivered: ${delivery.lastError ?? 'no answer'}; it will be retried`,
        { type: delivery.status === 'delivered' ? 'success' : 'warning' },
      );
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => trpc.webhooks.delete.mutate({ id }),
    onSuccess: () => {
      setDeleting(null);
      void refresh();
      notify('Webhook deleted', { type: 'success' });
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
  });
  const add = (
    <Button variant="contained" onClick={() => setEditing('new')}>
      Add webhook
    </Button>
  );

  return (
    <Section title="Subscriptions" hint="Where events go, which events, and what their payloads may show.">
      {list.isPending ? (
        <LoadingBlock label="Loading webhooks" height={120} />
      ) : list.isError ? (
        <Alert severity="error">{toHttpError(list.error).message}</Alert>
      ) : list.data.length === 0 ? (
        <EmptyState
          title="No webhooks yet"
          hint="Tell your HR system or chat tool when someone applies, moves on, is hired or is erased."
          action={add}
        />
      ) : (
        <Stack spacing={2}>
          {list.data.map((s) => (
            <Box
              key={s.id}
              component="article"
              aria-label={s.name}
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
            >
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                  {s.name}
                </Typography>
                <Chip
                  size="small"
                  label={s.active ? 'Active' : 'Paused'}
                  color={s.active ? 'success' : 'default'}
                />
              </Stack>
              <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                {s.url}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Events: {s.events.join(', ')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Scopes: {s.scopes.length > 0 ? s.scopes.join(', ') : 'none (ids only)'}
              </Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
                <Button
                  size="small"
                  onClick={() => ping.mutate(s.id)}
                  disabled={!s.active || (ping.isPending && ping.variables === s.id)}
                >
                  Send test
                </Button>
                <Button size="small" onClick={() => setEditing(s)}>
                  Edit
                </Button>
                <Button size="small" color="error" onClick={() => setDeleting(s)}>
                  Delete
                </Button>
              </Stack>
            </Box>
          ))}
          <Box>{add}</Box>
        </Stack>
      )}
      <FormDialog open={editing !== null} onClose={() => setEditing(null)}>
        <WebhookForm
          existing={editing === 'new' || editing === null ? undefined : editing}
          onDone={() => setEditing(null)}
          onSaved={(saved) => {
            void refresh();
            notify('Webhook saved', { type: 'success' });
            if (saved.secret) onSecret(saved);
          }}
        />
      </FormDialog>
      <Confirm
        isOpen={deleting !== null}
        loading={remove.isPending}
        title={`Delete ${deleting?.name ?? 'this webhook'}?`}
        content="No more events go to it, and its delivery log is deleted with it."
        confirm="Delete"
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      />
    </Section>
  );
}

function DeliveryLog() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TWebhookDeliveryStatus | ''>('');
  const [subscriptionId, setSubscriptionId] = useState('');
  const [page, setPage] = useState(1);
  const subscriptions = useQuery({ queryKey: SUBSCRIPTIONS_KEY, queryFn: () => trpc.webhooks.list.query() });
  const filter = {
    page,
    perPage: PER_PAGE,
    ...(status ? { status } : {}),
    ...(subscriptionId ? { subscriptionId } : {}),
  };
  const deliveries = useQuery({
    queryKey: [...DELIVERIES_KEY, filter],
    queryFn: () => trpc.webhooks.deliveries.query(filter),
    placeholderData: keepPreviousData,
    // Retries happen in the background: the log follows them.
    refetchInterval: 10_000,
  });
  const redeliver = useMutation({
    mutationFn: (id: string) => trpc.webhooks.redeliver.mutate({ id }),
    onSuccess: (delivery: TWebhookDelivery) => {
      void queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY });
      notify(
        delivery.status === 'delivered'
          ? 'Delivered again'
          : `Queued again: ${delivery.lastError ?? 'not delivered yet'}`,
        { type: delivery.status === 'delivered' ? 'success' : 'warning' },
      );
    },
    onError: (error) => notify(toHttpError(error).message, { type: 'error' }),
  });
  const total = deliveries.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));

  return (
    <Section
      title="Delivery log"
      hint="Every event sent, its answer and its retries (after 1 min, 5 min, 30 min, 2 h and 12 h)."
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as TWebhookDeliveryStatus | '');
            setPage(1);
          }}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">All</MenuItem>
          {WEBHOOK_DELIVERY_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Webhook"
          value={subscriptionId}
          onChange={(e) => {
            setSubscriptionId(e.target.value);
            setPage(1);
          }}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">All</MenuItem>
          {(subscriptions.data ?? []).map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {deliveries.isPending ? (
        <LoadingBlock label="Loading deliveries" height={160} />
      ) : deliveries.isError ? (
        <Alert severity="error">{toHttpError(deliveries.error).message}</Alert>
      ) : deliveries.data.data.length === 0 ? (
        <EmptyState
          title="No deliveries"
          hint={
            status || subscriptionId ? 'None match these filters.' : 'Events appear here once they are sent.'
          }
        />
      ) : (
        <>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Webhook deliveries">
              <TableHead>
                <TableRow>
                  <TableCell>Time</TableCell>
                  <TableCell>Webhook</TableCell>
                  <TableCell>Event</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Attempts</TableCell>
                  <TableCell>Response</TableCell>
                  <TableCell>
                    <Box component="span" sx={visuallyHidden}>
                      Actions
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {deliveries.data.data.map((d) => (
                  <TableRow key={d.id} data-delivery={d.id}>
                    <TableCell>{when(d.deliveredAt ?? d.createdAt)}</TableCell>
                    <TableCell>{d.subscriptionName}</TableCell>
                    <TableCell>{d.event}</TableCell>
                    <TableCell>
                      <Chip size="small" label={d.status} color={STATUS_COLOR[d.status]} />
                      {d.status === 'pending' && d.attempts > 0 && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          next try {when(d.nextAttemptAt)}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">{d.attempts}</TableCell>
                    <TableCell>
                      {d.lastHttpStatus !== null ? `HTTP ${d.lastHttpStatus}` : ''}
                      {d.lastError && d.lastError !== `HTTP ${d.lastHttpStatus}` ? ` ${d.lastError}` : ''}
                      {d.lastHttpStatus === null && !d.lastError ? '–' : ''}
                    </TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        onClick={() => redeliver.mutate(d.id)}
                        disabled={redeliver.isPending && redeliver.variables === d.id}
                        aria-label={`Redeliver ${d.event} to ${d.subscriptionName}`}
                      >
                        Redeliver
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
            <Typography variant="body2" color="text.secondary">
              Page {page} of {pages} ({total} deliveries)
            </Typography>
            <Button size="small" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Previous
            </Button>
            <Button size="small" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              Next
            </Button>
          </Stack>
        </>
      )}
    </Section>
  );
}

/** Webhooks: subscriptions (the secret shown once) and the delivery log with redelivery; owners and admins. */
export function WebhooksPage() {
  const [secret, setSecret] = useState<TWebhookSubscriptionWithSecret | null>(null);
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title="Webhooks" />
      <PageHeading>Webhooks</PageHeading>
      <Typography variant="body2" color="text.secondary">
        Candor POSTs a signed JSON event to each webhook when it happens. The receiver checks the
        Candor-Signature header with the webhook’s secret (see docs/webhooks.md).
      </Typography>
      {secret && (
        <Alert severity="warning" onClose={() => setSecret(null)} role="alert">
          <Stack spacing={1}>
            <span>
              The signing secret of <strong>{secret.name}</strong>: copy it into the receiving system now. It
              is not shown again.
            </span>
            <CopyableField
              label="Signing secret"
              what="signing secret"
              value={secret.secret ?? ''}
              helperText="Keep it secret; make a new one from Edit if it leaks."
            />
          </Stack>
        </Alert>
      )}
      <Subscriptions onSecret={setSecret} />
      <DeliveryLog />
    </Stack>
  );
}
