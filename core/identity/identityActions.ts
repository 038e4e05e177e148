import type { ActionMap } from '../function/action';
import type { IdentityDeps } from './IdentityDeps';
import { addFamilyMember, familyMembers, removeFamilyMember } from './actions/family';
import { confirmFace, unbind } from './actions/face';
import { acceptOfficerInvitation, createOfficerInvitation } from './actions/officer';
import { officers, revokeOfficer, withdrawInvitation } from './actions/officers';
import { setHallLead } from './actions/hallLead';
import { auditLog, myActsFor } from './actions/auditLog';
import { purgeExpiredVerifications } from './actions/retention';
import { consent, status } from './actions/status';
import { confirmPhone, resendCode, startVerification } from './actions/verification';

export const identityActions: ActionMap<IdentityDeps> = {
  status,
  consent,
  startVerification,
  resendCode,
  confirmPhone,
  confirmFace,
  unbind,
  familyMembers,
  addFamilyMember,
  removeFamilyMember,
  createOfficerInvitation,
  acceptOfficerInvitation,
  officers,
  revokeOfficer,
  setHallLead,
  withdrawInvitation,
  auditLog,
  myActsFor,
  purgeExpiredVerifications,
};
