import { createHmac, randomBytes } from 'node:crypto';
import { shanghaiDay } from '@/lib/time';

export type DailyReadersOptions = {
  /** Distinct (client, article) pairs remembered per day; beyond it the oldest are forgotten. */
  maxClients?: number;
  /** Views one address can add to one article per day, whatever User-Agents it sends. */
  maxPerAddress?: number;
};

/**
 * Decides whether a beacon is a new view: at most one per client (address + User-Agent) per
 * article per newsroom day, and at most `maxPerAddress` per address per article per day, so
 * repeating the beacon, or rotating the User-Agent, cannot push an article into 周热点. The cap
 * per address still lets an office or a mobile carrier's shared address count several readers.
 *
 * No personal data is kept: each key is an HMAC of the address, User-Agent and article under a
 * random salt that lives only in this process's memory and is replaced at each Shanghai midnight,
 * truncated to 48 bits and stored as a number. Nothing written anywhere can be linked back to an
 * address, and yesterday's keys cannot even be recomputed.
 *
 * Memory is bounded by count. When full, the oldest key is forgotten rather than the view counted
 * unchecked (an attacker who filled the set would then count without limit) or refused (one who
 * filled it would stop every reader's views for the rest of the day): the worst case is that a
 * client first seen many thousands of views ago counts again. Each process keeps its own; behind
 * deploy/nginx.conf every beacon goes to the one views server.
 */
export class DailyReaders {
  private day = '';
  private salt: Buffer = Buffer.alloc(0);
  private readonly clients = new Set<number>();
  private readonly perAddress = new Map<number, number>();
  private readonly maxClients: number;
  private readonly maxPerAddress: number;

  constructor(options: DailyReadersOptions = {}) {
    this.maxClients = options.maxClients ?? 100_000;
    this.maxPerAddress = options.maxPerAddress ?? 20;
  }

  /** True when this beacon is a view to count (and remembers it); false for a repeat. */
  admit(address: string | null, userAgent: string | null, articleId: number, at: Date = new Date()): boolean {
    const day = shanghaiDay(at);
    if (day !== this.day) this.rollOver(day);
    const client = this.key(`c\n${address ?? ''}\n${userAgent ?? ''}\n${articleId}`);
    if (this.clients.has(client)) return false;
    const where = this.key(`a\n${address ?? ''}\n${articleId}`);
    const fromAddress = this.perAddress.get(where) ?? 0;
    if (fromAddress >= this.maxPerAddress) return false;
    if (this.clients.size >= this.maxClients) this.clients.delete(this.clients.values().next().value!);
    this.clients.add(client);
    if (fromAddress === 0 && this.perAddress.size >= this.maxClients) this.perAddress.delete(this.perAddress.keys().next().value!);
    this.perAddress.set(where, fromAddress + 1);
    return true;
  }

  /** Keys remembered (for tests and the memory bound). */
  get size(): number {
    return this.clients.size;
  }

  private rollOver(day: string): void {
    this.day = day;
    this.salt = randomBytes(32);
    this.clients.clear();
    this.perAddress.clear();
  }

  private key(text: string): number {
    return createHmac('sha256', this.salt).update(text).digest().readUIntBE(0, 6);
  }
}
