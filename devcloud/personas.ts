import type { Account } from '../core/identity/Account';
import { CONSENT_VERSION } from '../core/identity/consent';

/**
 * Demo personas of the local cloud (H5 only; nothing of this exists in production builds): the
 * H5 app sends one as X-Local-Openid, which only the local cloud's gateway reads.
 */
export interface Persona {
  openid: string;
  label: string;
  description: string;
  role: Account['role'];
  /** Resident (data/residents.json) whose verified identity the account holds, with a phone. */
  verifiedAs?: { residentId: string; phone: string };
  halls: string[];
}

export const personas: Persona[] = [
  { openid: 'local-visitor', label: '未认证市民', description: '刚打开小程序，尚未实名认证', role: 'citizen', halls: [] },
  {
    openid: 'local-citizen',
    label: '已认证市民 王建国',
    description: '海口市龙华区户籍，已实名认证，可为儿子和母亲代办',
    role: 'citizen',
    verifiedAs: { residentId: 'resident-001', phone: '13800138000' },
    halls: [],
  },
  // Officers act only once verified themselves (core/identity/hallAccess.ts): 吴海燕, whom no test or demo uses otherwise.
  {
    openid: 'local-officer',
    label: '窗口民警',
    description: '海口市公安局龙华分局户政服务大厅，已实名认证',
    role: 'officer',
    verifiedAs: { residentId: 'resident-012', phone: '13900139012' },
    halls: ['haikou-longhua'],
  },
  { openid: 'local-admin', label: '管理员', description: '发放民警邀请码、查看审计日志', role: 'admin', halls: [] },
];

export const consentsGiven = (at: Date) => [
  { purpose: 'identity' as const, version: CONSENT_VERSION, at },
  { purpose: 'face' as const, version: CONSENT_VERSION, at },
];
