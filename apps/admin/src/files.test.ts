import { describe, expect, it } from 'vitest';
import { sizeLabel, toBase64 } from './files';

describe('attachment helpers', () => {
  it('labels sizes in B, KB and MB', () => {
    expect(sizeLabel(512)).toBe('512 B');
    expect(sizeLabel(12_800)).toBe('13 KB');
    expect(sizeLabel(1.4 * 1024 * 1024)).toBe('1.4 MB');
  });

  it('base64-encodes a file exactly as Node does, also beyond one chunk', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(await toBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
    expect(await toBase64(new Blob(['%PDF-1.4']))).toBe(Buffer.from('%PDF-1.4').toString('base64'));
  });
});
