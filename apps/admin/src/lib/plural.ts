/** "1 application", "3 applications", "2 people": the words the backoffice counts, with their plural. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
