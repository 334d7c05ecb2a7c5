import type { Verification } from '../use-cases/documents.js';

const TYPE_NAMES: Record<string, string> = {
  release_notice: '解除集中隔离医学观察通知单 · Release notice',
  health_certificate: '健康证明 · Health certificate',
  test_report: '核酸检测报告 · Nucleic acid test report',
  home_release_notice: '解除居家隔离医学观察通知书 · Home isolation release notice',
};

const REVOCATION_REASONS: Record<string, string> = {
  revoked_by_staff: '签发机构已撤销 · Revoked by the issuing authority',
  reissued: '已由重新签发的文书取代 · Replaced by a reissued document',
  positive_result_after_release: '解除后检测结果为阳性 · A positive test result was reported after release',
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A tiny self-contained page: the verdict first, in large type, then the few public facts. */
export function verificationPage(v: Verification): string {
  const verdict =
    v.status === 'valid' ? ['✔ 有效 · Valid', '#0a7a2f'] : v.status === 'revoked' ? ['✖ 已撤销 · Revoked', '#b00020'] : ['✖ 无效 · Not valid', '#b00020'];
  const rows =
    v.status === 'not_valid'
      ? '<p>未找到该文件，或编号有误。<br>No such document, or the number is wrong.</p>'
      : `<dl>
<dt>文件 · Document</dt><dd>${escape(TYPE_NAMES[v.type] ?? v.type)}</dd>
<dt>编号 · Number</dt><dd>${escape(v.documentId)}</dd>
<dt>签发日期 · Issued</dt><dd>${escape(v.issueDate)}</dd>
${v.authority ? `<dt>签发机构 · Issued by</dt><dd>${escape(v.authority)}</dd>
<dt>隔离场所 · Facility</dt>` : '<dt>签发机构 · Facility</dt>'}<dd>${escape(v.facility)}</dd>
<dt>持有人 · Holder</dt><dd>${v.holderInitials !== undefined && v.documentNumber !== undefined ? `${escape(v.holderInitials)} · ${escape(v.documentNumber)}` : '—'}</dd>
${v.revokedAt ? `<dt>撤销 · Revoked</dt><dd>${escape(v.revokedAt.slice(0, 10))}</dd>` : ''}
${v.revocationCode ? `<dt>撤销原因 · Reason</dt><dd>${escape(REVOCATION_REASONS[v.revocationCode] ?? REVOCATION_REASONS.revoked_by_staff!)}</dd>` : ''}
</dl>`;
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>文件验证 · Document verification</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}h1{color:${verdict[1]};font-size:2rem}dt{font-weight:600;margin-top:.6rem}dd{margin:0}</style>
</head><body><h1>${verdict[0]}</h1>${rows}</body></html>`;
}
