import { describe, expect, it } from 'vitest';
import { moveItem, reasonIdFor, removeItem } from './listEditing';

describe('list editing', () => {
  it('moves an item up and down and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('removes by position', () => {
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('derives reason ids the API accepts, unique within the list', () => {
    expect(reasonIdFor('Position filled', new Set())).toBe('position_filled');
    expect(reasonIdFor('Position filled!', new Set(['position_filled']))).toBe('position_filled_2');
    expect(reasonIdFor('Gehaltsvorstellung zu hoch – über Budget', new Set())).toMatch(/^[a-z0-9_]{1,40}$/);
    expect(reasonIdFor('???', new Set())).toBe('reason');
  });
});
