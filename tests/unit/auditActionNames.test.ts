import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { AUDIT_ACTION_NAMES, auditActionKinds, auditActionName } from '../../core/identity/auditActionNames';
import { auditScope } from '../../core/identity/hallAccess';

describe('audit action names', () => {
  it('names the acts for a family member and the officer acts in Chinese', () => {
    expect(auditActionName('appointment.checkIn')).toBe('签到');
    expect(auditActionName('appointment.reserveFor')).toBe('代为预约');
    expect(auditActionName('appointment.cancelFor')).toBe('代为取消预约');
    expect(auditActionName('appointment.rescheduleFor')).toBe('代为改约');
    expect(auditActionKinds().map((k) => k.code)).toEqual(Object.keys(AUDIT_ACTION_NAMES));
  });

  it('every code written in core has a name (no code reaches the screen raw)', () => {
    for (const name of Object.values(AUDIT_ACTION_NAMES)) expect(name).toMatch(/^[\u4e00-\u9fa5（）]+$/);
    // Every literal audit code in core (recordAudit({ action: 'x.y' }), or passed on as 'x.y' to a helper that records it).
    const files = readdirSync(path.join(__dirname, '../../core'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const written = new Set<string>();
    for (const f of files) {
      const text = readFileSync(path.join(__dirname, '../../core', f), 'utf8');
      if (!text.includes('recordAudit')) continue;
      for (const m of text.matchAll(/'((?:appointment|identity|family|officer|reissue)\.[a-zA-Z]+)'/g)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((code) => !(code in AUDIT_ACTION_NAMES))).toEqual([]);
  });

  it('an unknown code still reads: its domain in Chinese, then the code', () => {
    expect(auditActionName('reissue.viewCase')).toBe('补换领其他操作（reissue.viewCase）');
    expect(auditActionName('weird')).toBe('其他操作（weird）');
    expect(auditActionName('toString')).toBe('其他操作（toString）');
    expect(auditActionName('constructor.x')).toBe('其他操作（constructor.x）');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (code) => {
        const name = auditActionName(code);
        expect(name.length).toBeGreaterThan(0);
        if (!Object.hasOwn(AUDIT_ACTION_NAMES, code)) expect(name).toContain(code);
        expect(typeof name).toBe('string');
      }),
    );
  });
});

describe('who reads the audit log (auditScope)', () => {
  it('an admin every record, an account acting for halls its halls, anyone else none', () => {
    expect(auditScope({ role: 'admin', halls: [] })).toBe('all');
    expect(auditScope({ role: 'admin', halls: ['a'] })).toBe('all');
    expect(auditScope({ role: 'officer', halls: ['a', 'b'], verified: true })).toEqual(['a', 'b']);
    // An officer not verified themselves reads nothing yet (core/identity/hallAccess.ts).
    expect(auditScope({ role: 'officer', halls: ['a', 'b'], verified: false })).toBeNull();
    expect(auditScope({ role: 'officer', halls: [] })).toBeNull();
    expect(auditScope({ role: 'citizen', halls: ['a'] })).toBeNull();
    expect(auditScope(null)).toBeNull();
  });
});
