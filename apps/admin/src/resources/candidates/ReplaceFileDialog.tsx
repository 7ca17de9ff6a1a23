import { MAX_ATTACHMENT_BYTES, type TAttachment } from '@candor/schemas';
import { DialogContentText } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNotify } from 'react-admin';
import { FilePicker } from '../../components/FilePicker';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { sizeLabel, toBase64 } from '../../files';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

export const DOCUMENT_ACCEPT =
  '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';
const EXTENSIONS = /\.(pdf|docx|odt)$/i;

/** What is wrong with a picked file before it is sent, if anything (the API sniffs the bytes as well). */
export function pickedFileProblem(file: File | null): string | undefined {
  if (file && !EXTENSIONS.test(file.name)) return 'Upload a PDF, Word (.docx) or OpenDocument (.odt) file';
  if (file && file.size > MAX_ATTACHMENT_BYTES)
    return `The file is ${sizeLabel(file.size)}; the limit is 10 MB`;
  return undefined;
}

/**
 * Replaces a document with a corrected one (a rectification request): the
 * new file takes the old one's place and the old one is deleted, not kept.
 */
export function ReplaceFileDialog({
  attachment,
  onClose,
  queryKey,
}: {
  attachment: TAttachment | null;
  onClose: () => void;
  /** The file list to refresh afterwards. */
  queryKey: readonly unknown[];
}) {
  return (
    <FormDialog open={attachment !== null} onClose={onClose}>
      {attachment && <ReplaceFileForm attachment={attachment} onClose={onClose} queryKey={queryKey} />}
    </FormDialog>
  );
}

function ReplaceFileForm({
  attachment,
  onClose,
  queryKey,
}: {
  attachment: TAttachment;
  onClose: () => void;
  queryKey: readonly unknown[];
}) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setError('Choose the corrected file');
      return;
    }
    if (error) return;
    setSubmitting(true);
    try {
      const replaced = await dataProvider.replaceAttachment({
        id: attachment.id,
        filename: file.name,
        contentBase64: await toBase64(file),
      });
      notify(`${attachment.filename} replaced by ${replaced.filename}; the old file is deleted`, {
        type: 'success',
      });
      await queryClient.invalidateQueries({ queryKey });
      onClose();
    } catch (err) {
      const httpError = toHttpError(err);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      setError(fields.contentBase64 ?? fields.filename ?? httpError.message);
      setSubmitting(false);
    }
  };

  return (
    <DialogForm
      title={`Replace ${attachment.filename}`}
      submitLabel="Replace file"
      submitting={submitting}
      submitDisabled={!file || Boolean(error)}
      onSubmit={submit}
      onCancel={onClose}
    >
      <DialogContentText sx={{ mb: 2 }}>
        Use this to correct a document, for example when the candidate asks for it to be rectified. The new
        file takes this one's place; the old file is deleted and no copy is kept. The audit log records who
        replaced it and when.
      </DialogContentText>
      <FilePicker
        accept={DOCUMENT_ACCEPT}
        file={file}
        onPick={(picked) => {
          setError(pickedFileProblem(picked));
          setFile(picked);
        }}
        disabled={submitting}
        help="PDF, Word (.docx) or OpenDocument (.odt), up to 10 MB."
        error={error}
      />
    </DialogForm>
  );
}
