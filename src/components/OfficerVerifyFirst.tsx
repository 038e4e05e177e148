import { VerifyFirst } from './VerifyFirst';

/** An officer bound to halls whose own real-name verification is missing: acting for a hall waits for it (core/identity/hallRights.ts). */
export function OfficerVerifyFirst() {
  return <VerifyFirst why="您已绑定窗口民警身份。为保障群众个人信息安全，民警须先完成本人实名认证，才能签到、查看预约和审核办件。" />;
}
