import { insertAuditEntry } from '@/db/mutations/audit';

/**
 * Appends one line to the audit log (who did what, to what, from where). Action names are
 * dotted and stable, e.g. `login.success`, `user.create`, `article.publish`; the audit page
 * shows them with Chinese labels from AUDIT_ACTION_LABELS.
 *
 * Never throws: a failed audit write is logged to stderr, because refusing a publish or a
 * sign-in over a logging problem would hurt the newsroom more than the missing line.
 */
export async function recordAudit(entry: {
  actorId?: number | null;
  actorName?: string | null;
  action: string;
  target?: string | null;
  detail?: string | null;
  ip?: string | null;
}): Promise<void> {
  try {
    await insertAuditEntry(entry);
  } catch (error) {
    console.error('[audit] write failed', entry.action, error);
  }
}

/** Chinese names for known actions; unknown ones are shown as their raw name. Extend freely. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.locked': '登录被锁定',
  'login.unlock': '解除登录锁定',
  logout: '退出登录',
  'user.create': '创建用户',
  'user.role': '修改角色',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password': '重置密码',
  'article.create': '新建文章',
  'article.save': '保存文章',
  'article.submit': '提交审核',
  'article.publish': '发布文章',
  'article.schedule': '定时发布',
  'article.return': '退回修改',
  'article.withdraw': '撤回文章',
  'article.restore': '恢复为草稿',
  'article.delete': '删除文章',
  'revision.restore': '恢复修订版本',
  'section.create': '新建栏目',
  'section.update': '修改栏目',
  'section.delete': '删除栏目',
  'image.upload': '上传图片',
  'file.upload': '上传附件或视频',
  'file.attach': '添加附件或视频',
  'file.detach': '移除附件或视频',
  'file.move': '调整附件顺序',
  'file.poster': '设置视频封面',
  'file.captions': '设置视频字幕',
};
