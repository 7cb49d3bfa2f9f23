import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts', 'lib/**/*.test.ts', 'db/**/*.test.ts'],
    environment: 'node',
    // Each test file opens its own throwaway SQLite database; files run in separate workers.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
