import { processSingleton } from '@/lib/process-registry';

/**
 * Whether this process was started through server.ts, the portal's front door. The front door
 * answers what Next's routes cannot (301 to an article's canonical URL, 410 for a withdrawn one,
 * `?page=N` list pages, the view beacon POST /api/views, 404 before a bogus id reaches an ISR
 * route). Under plain `next start` or `next dev` all of that silently disappears: ?page=2 shows
 * page 1, the beacon 404s. So a production server refuses to serve without it.
 *
 * server.ts marks the process before creating Next; instrumentation.ts, which Next runs at
 * server start under either entry point, checks the mark. The two are different copies of this
 * module (tsx's and Next's bundle), hence the process registry.
 */
const entry = () => processSingleton('server-entry', () => ({ throughServerTs: false }));

/** Called by server.ts before `next()`, so the check in instrumentation.ts finds it. */
export function markStartedThroughServerTs(): void {
  entry().throughServerTs = true;
}

function startedThroughServerTs(): boolean {
  return entry().throughServerTs;
}

const REFUSAL_WITHOUT_SERVER_TS = [
  '[启动] 门户没有通过 server.ts 启动,拒绝提供服务。',
  '[启动] 301/410 跳转、?page=N 分页、阅读计数 POST /api/views 和提前的 404 都由 server.ts 负责,直接运行 next start 时它们会悄悄失效。',
  '[启动] 请用 npm start 启动(准备数据库、需要时构建,然后运行 server.ts);',
  '[启动] 已有当前构建时也可以直接运行:node --import tsx server.ts -p 3000',
].join('\n');

const WARNING_WITHOUT_SERVER_TS =
  '[启动] 注意:next dev 不经过 server.ts,301/410 跳转、?page=N 分页、阅读计数和提前的 404 都不生效。请改用 npm run dev。';

/**
 * Run at server start (instrumentation.ts). A production server not started through server.ts
 * prints how to start the portal and exits non-zero before answering any request: Next starts
 * listening first but holds requests until instrumentation has run. A development server only
 * warns, so `next dev` stays usable for a quick look at a component.
 */
export function refuseToServeWithoutServerTs(): void {
  if (startedThroughServerTs()) return;
  if (process.env.NODE_ENV === 'production') {
    console.error(REFUSAL_WITHOUT_SERVER_TS);
    process.exit(1);
  }
  console.warn(WARNING_WITHOUT_SERVER_TS);
}
