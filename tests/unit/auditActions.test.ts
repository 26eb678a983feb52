import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../../shared/contract/auditActions';
import { ENTITY_NAMES, type EntityType } from '../../shared/contract/entities';

describe('audit actions as a closed list', () => {
  it('names each action once, as <record>.<verb>', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(AUDIT_ACTIONS.filter((a) => !/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/.test(a))).toEqual([]);
  });

  it('lists every bulk change and its undo for documents and files', () => {
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(['bulk.document.move', 'bulk.file.renumber', 'bulk.document.undo', 'bulk.file.undo']));
    expect(AUDIT_ACTIONS.filter((a) => a.startsWith('bulk.')).length).toBe(2 * 9);
  });

  it('tells a listed action from any other text (rows of older builds may hold others)', () => {
    expect(isAuditAction('document.update')).toBe(true);
    expect(isAuditAction('document.updte')).toBe(false);
    expect(isAuditAction('')).toBe(false);
  });

  it('refuses a misspelt action or entity type at compile time', () => {
    // These lines are checked by `npm run typecheck`: each must stay an error.
    // @ts-expect-error: not an action
    const action: AuditAction = 'fonds.craete';
    // @ts-expect-error: not an entity type
    const entity: EntityType = 'fond';
    expect(isAuditAction(action)).toBe(false);
    expect(Object.keys(ENTITY_NAMES)).not.toContain(entity);
  });
});
