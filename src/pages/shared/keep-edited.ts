/**
 * The items to list: `list`, plus the one being edited if it has left the list (trashed, removed
 * or deleted in another tab), at its place by `order`, so its open form, and what was typed in
 * it, stays until the user saves or cancels; saving then says what happened. `last` holds the
 * item as last listed (a ref kept by the caller across renders).
 */
export function withEdited<T extends { id: string }>(
  list: readonly T[],
  editingId: string | null,
  last: { current: T | null },
  order: (a: T, b: T) => number,
): readonly T[] {
  const listed = editingId === null ? undefined : list.find((item) => item.id === editingId);
  if (listed) last.current = listed;
  const kept = last.current;
  if (editingId === null || listed || kept?.id !== editingId) return list;
  return [...list, kept].sort(order);
}
