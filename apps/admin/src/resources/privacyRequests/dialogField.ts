/** One field of a privacy request action's dialog. */
export type DialogField = {
  name: string;
  label: string;
  helperText?: string;
  multiline?: boolean;
  required?: boolean;
  /** A select instead of free text. */
  choices?: ReadonlyArray<{ id: string; name: string }>;
  /** With choices: tick any number (checkboxes); the value is their ids joined by commas. */
  multiple?: boolean;
  /** A calendar day (YYYY-MM-DD) picked with the browser's date input. */
  type?: 'date';
  /** The earliest day a date field allows (YYYY-MM-DD). */
  min?: string;
  initial?: string;
};
