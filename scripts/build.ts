/** `npm run build`: the portal's production build (next build, then compile hints; scripts/lib/build.ts). */
import { buildPortal } from './lib/build';

if (!buildPortal(process.env)) process.exit(1);
