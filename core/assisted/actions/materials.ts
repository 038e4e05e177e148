import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { stableId } from '../../guide/ServiceGuide';
import { FIELD } from '../../identity/fieldNames';
import { failureDay } from '../../identity/lockout';
import { ASSISTED_POLICY } from '../AssistedSession';
import type { AssistedDeps } from '../AssistedDeps';
import { auditAssisted } from '../auditAssisted';
import { materialsLine } from '../notice';
import { tellCitizen } from '../tellCitizen';
import { SESSION_ERRORS, SessionIdInput, usableSession } from './session';

export const assistedTellMaterials = defineAction({
  summary:
    "Officer, within a confirmed assisted session (issue 18): texts the session's citizen the materials a business needs (its guide's material names, short; SMS to the phone on file, and a subscribe message with an account), and answers them for the officer to read out. At most 5 such texts a phone a day (OTP_TOO_FREQUENT). Audited with officer, hall, session and reason. Idempotent under the envelope requestId (a retry sends nothing more).",
  input: lazySchema(() => z.strictObject({ sessionId: SessionIdInput, business: stableId })),
  output: lazySchema(() => z.object({ guideId: z.string(), title: z.string(), materials: z.array(z.object({ name: z.string(), required: z.boolean() })), text: z.string() })),
  errors: [...SESSION_ERRORS, 'GUIDE_NOT_FOUND', 'OTP_TOO_FREQUENT', 'REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED'],
  idempotent: 'required',
  async run(input, deps: AssistedDeps, request) {
    const { officer, session: s } = await usableSession(deps, input.sessionId);
    const guide = await deps.guides.guide(input.business);
    if (!guide) throw new DomainError('GUIDE_NOT_FOUND');
    const { identities, secrets } = deps.assisted;
    const phone = secrets.decrypt(s.phoneEnc, FIELD.phone);
    // A daily limit of its own per phone, so an officer cannot pester a citizen with texts.
    if ((await identities.countSms(`materials:${secrets.index('phone', phone)}`, failureDay(deps.clock.now()))) > ASSISTED_POLICY.materialsTextsPerDay) {
      throw new DomainError('OTP_TOO_FREQUENT', '该手机号今日已多次发送材料告知短信，请明天再试');
    }
    const hall = await deps.guides.hall(s.hallId);
    const line = materialsLine(guide.materials);
    const notice = { act: `“${guide.title}”材料告知`, hallName: hall?.name ?? s.hallId, when: line, ref: '请携带原件办理' };
    const requestKey = `assisted-materials:${s._id}:${request?.requestId ?? deps.newId()}`;
    await auditAssisted(deps, officer, s, 'materials', guide._id, deps.idFor(`audit:${requestKey}`));
    await tellCitizen(deps, s, notice, { kind: 'guide', guideId: guide._id });
    return { guideId: guide._id, title: guide.title, materials: guide.materials.map((m) => ({ name: m.name, required: m.required })), text: line };
  },
});
