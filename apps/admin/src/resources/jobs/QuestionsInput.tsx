import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { AddRowButton } from '../../components/AddRowButton';
import { QUESTION_KIND_CHOICES } from '../../lib/labels';

type QuestionValues = { kind?: string; options?: string[] };

const YES_NO = [
  { id: 'yes', name: 'Yes' },
  { id: 'no', name: 'No' },
];

/** Choice options edited one per line; toJobInput drops the blank lines on save. */
const optionsToText = (options: unknown) => (Array.isArray(options) ? options.join('\n') : '');
const textToOptions = (text: string) => text.split('\n');

function KnockoutInput({ question }: { question: QuestionValues | undefined }) {
  const choices =
    question?.kind === 'yes_no'
      ? YES_NO
      : question?.kind === 'single_choice'
        ? (question.options ?? [])
            .map((o) => o.trim())
            .filter(Boolean)
            .map((o) => ({ id: o, name: o }))
        : [];
  if (choices.length === 0) return null;
  return (
    <SelectInput
      source="knockoutAnswer"
      label="Knockout answer"
      choices={choices}
      emptyText="None"
      helperText="Applicants giving this answer do not meet a requirement."
      fullWidth={false}
      sx={{ width: 260 }}
    />
  );
}

/** The questions the careers site asks when someone applies to this job. */
export function QuestionsInput() {
  return (
    <ArrayInput source="questions" label={false}>
      <SimpleFormIterator inline disableClear addButton={<AddRowButton label="Add question" />}>
        <TextInput
          source="label"
          label="Question"
          isRequired
          fullWidth={false}
          sx={{ width: 420, maxWidth: '100%', flexShrink: 0 }}
        />
        <SelectInput
          fullWidth={false}
          sx={{ width: 180 }}
          source="kind"
          label="Answer type"
          choices={QUESTION_KIND_CHOICES}
          defaultValue="short_text"
          isRequired
        />
        <BooleanInput source="required" label="Required" defaultValue={false} />
        <FormDataConsumer<{ questions?: QuestionValues[] }>>
          {({ scopedFormData }) => {
            const question = scopedFormData as QuestionValues | undefined;
            return (
              <>
                {question?.kind === 'single_choice' && (
                  <TextInput
                    source="options"
                    label="Options"
                    multiline
                    minRows={2}
                    fullWidth={false}
                    sx={{ width: 420, maxWidth: '100%' }}
                    format={optionsToText}
                    parse={textToOptions}
                    helperText="One option per line, at least two."
                  />
                )}
                <KnockoutInput question={question} />
              </>
            );
          }}
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
}
