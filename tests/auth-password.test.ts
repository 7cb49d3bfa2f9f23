import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/password';

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters, counting Chinese characters as one each', () => {
    expect(passwordProblem('elevenchars')).toBe('密码至少需要 12 个字符');
    expect(passwordProblem('twelve-chars')).toBeNull();
    expect(passwordProblem('新闻中心新闻中心新闻中心')).toBeNull();
    expect(passwordProblem('新闻中心新闻中心新闻中')).not.toBeNull();
  });

  it('refuses blank, over-long, and username-equal passwords', () => {
    expect(passwordProblem(' '.repeat(20))).toBe('密码不能全是空白字符');
    expect(passwordProblem('x'.repeat(257))).toContain('不能超过');
    expect(passwordProblem('Reporter-Zhang', 'reporter-zhang')).toBe('密码不能与用户名相同');
  });

  it('hashes with argon2id, 19 MiB, t=2, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    const options = parseOptions(hash);
    expect(options.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(options.timeCost).toBe(2);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterx')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'correct horse battery')).toBe(false);
  });
});
