import type { AuditEntryView, FamilyMemberView, HallRefView, OfficerView, OpenInvitationView, StatusView, VerificationStartedView } from '../../core/identity/views';
import { call } from './api';

/** Typed calls to the `identity` cloud function. */
export const identityApi = {
  status: () => call<StatusView>('identity', 'status'),
  consent: (purposes: Array<'identity' | 'face'>, version: number) => call<StatusView>('identity', 'consent', { purposes, version }),
  startVerification: (person: { name: string; idNumber: string; phone: string }) => call<VerificationStartedView>('identity', 'startVerification', person),
  resendCode: (verificationId: string) => call<VerificationStartedView>('identity', 'resendCode', { verificationId }),
  confirmPhone: (verificationId: string, code: string) => call<{ step: 'face' }>('identity', 'confirmPhone', { verificationId, code }),
  confirmFace: (verificationId: string, verifyResult: string) => call<StatusView>('identity', 'confirmFace', { verificationId, verifyResult }),
  unbind: () => call<StatusView>('identity', 'unbind'),
  familyMembers: () => call<{ members: FamilyMemberView[] }>('identity', 'familyMembers'),
  addFamilyMember: (member: { name: string; idNumber: string; relation: 'child' | 'parent' }) => call<{ members: FamilyMemberView[] }>('identity', 'addFamilyMember', member),
  removeFamilyMember: (memberId: string) => call<{ members: FamilyMemberView[] }>('identity', 'removeFamilyMember', { memberId }),
  acceptOfficerInvitation: (code: string) => call<StatusView>('identity', 'acceptOfficerInvitation', { code }),
  createOfficerInvitation: (halls: string[], validDays: number) =>
    call<{ code: string; halls: string[]; expiresAt: string }>('identity', 'createOfficerInvitation', { halls, validDays }),
  officers: () => call<{ officers: OfficerView[]; openInvitations: OpenInvitationView[] }>('identity', 'officers'),
  /** Without `hallId`: every hall of the officer. */
  revokeOfficer: (openid: string, hallId?: string) =>
    call<{ changed: boolean; removed: HallRefView[]; role: StatusView['role']; halls: HallRefView[] }>('identity', 'revokeOfficer', hallId ? { openid, hallId } : { openid }),
  withdrawInvitation: (invitationId: string) => call<{ withdrawn: boolean }>('identity', 'withdrawInvitation', { invitationId }),
  auditLog: (query: { limit?: number; offset?: number; action?: string; hallId?: string; actor?: string; from?: string; to?: string }) =>
    call<{ entries: AuditEntryView[]; hasMore: boolean; nextOffset?: number }>('identity', 'auditLog', query),
  myActsFor: () => call<{ entries: AuditEntryView[] }>('identity', 'myActsFor'),
};
