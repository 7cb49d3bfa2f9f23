import { processSingleton } from '@/lib/process-registry';

/**
 * Who has which article open in the editor, so two staff editing the same piece are told.
 * Kept in this process's memory, once for all its bundles (lib/process-registry.ts): editors
 * send a heartbeat every 15 s, and an entry older than 45 s counts as gone. With several
 * processes behind a load balancer each sees only its own editors; the version check still
 * prevents any silent overwrite there.
 */
const TTL_MS = 45_000;
type Entry = { name: string; at: number };

function table(): Map<number, Map<number, Entry>> {
  return processSingleton('editor-presence', () => new Map<number, Map<number, Entry>>());
}

/** Records that `userId` has `articleId` open and returns the names of the others who do. */
export function touchPresence(articleId: number, userId: number, name: string, now = Date.now()): string[] {
  const all = table();
  let editors = all.get(articleId);
  if (!editors) all.set(articleId, (editors = new Map()));
  editors.set(userId, { name, at: now });
  const others: string[] = [];
  for (const [id, entry] of editors) {
    if (now - entry.at > TTL_MS) editors.delete(id);
    else if (id !== userId) others.push(entry.name);
  }
  return others;
}

export function leavePresence(articleId: number, userId: number): void {
  table().get(articleId)?.delete(userId);
}
