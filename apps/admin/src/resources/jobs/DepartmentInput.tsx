import { SelectInput, type SelectInputProps, useRecordContext } from 'react-admin';
import { useHiringSettings } from '../../providers/useHiringSettings';

/** The departments from the hiring settings (plus the job's own, should it have been removed since). */
export function DepartmentInput(props: Omit<SelectInputProps, 'choices'>) {
  const { data: settings, isPending } = useHiringSettings();
  const record = useRecordContext<{ id: string; department?: string }>();
  const names = new Set(settings?.departments ?? []);
  if (record?.department) names.add(record.department);
  const choices = [...names].map((name) => ({ id: name, name }));
  return <SelectInput {...props} choices={choices} isPending={isPending} />;
}
