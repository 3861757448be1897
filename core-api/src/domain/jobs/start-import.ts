// Starting an import: who may run which import, the job it becomes, and the one transaction that marks the
// upload complete and writes the job row (then this replica's runner is woken; the poller of any replica would
// find it otherwise).
import { randomUUID } from 'node:crypto';
import type { CreateImportFields, ImportAccepted, SubmoduleKey } from '@co2/contracts';
import type { Database } from '../../db/client.js';
import { errors } from '../../errors/index.js';
import { importFormat, type DataFormatId } from '../../imports/formats/index.js';
import { DATA_IMPORT_JOB, FACTOR_IMPORT_JOB, REFERENCE_IMPORT_JOB } from '../../jobs/job-types.js';
import type { JobRegistry } from '../../jobs/registry.js';
import { enqueueJob } from '../../repositories/job.repository.js';
import type { JobQueries } from '../../repositories/job-query.repository.js';
import type { StoredUpload, UploadStore } from '../../repositories/upload.repository.js';
import { canSeeUnit, isPrincipalOf } from '../entries/access.js';
import { isGlobalAdmin, type Principal } from '../identity/principal.js';
import { submoduleDefinition } from '../modules/registry.js';
import type { Unit } from '../units/unit.js';
import type { AssertYearOpen } from '../years/year-use-cases.js';
import { toJob } from './job-view.js';

export const IMPORT_JOB_TYPES = { data: DATA_IMPORT_JOB, factors: FACTOR_IMPORT_JOB, reference: REFERENCE_IMPORT_JOB } as const;

/** An authorised import waiting for its file: the job type and its payload without `fileId`. */
export interface ImportPlan {
  type: string;
  payload: Record<string, unknown>;
}

export interface StartImportDeps {
  db: Database;
  registry: JobRegistry;
  jobs: JobQueries;
  uploads: UploadStore;
  units: { findByCode(code: string): Promise<Unit | undefined> };
  assertYearOpen: AssertYearOpen;
  kick(): void;
}

const PLACEHOLDER_FILE = '00000000-0000-4000-8000-000000000000';

export function createStartImport(deps: StartImportDeps) {
  /** The job definition's own payload schema has the last word (e.g. a format that cannot target that submodule). */
  const checked = (type: string, payload: Record<string, unknown>): ImportPlan => {
    const definition = deps.registry.get(type);
    if (!definition) throw errors.validationFailed([{ path: 'body.kind', message: `imports of this kind are not available on this server (${type})` }]);
    const parsed = definition.payload.safeParse({ ...payload, fileId: PLACEHOLDER_FILE });
    if (!parsed.success) throw errors.validationFailed(parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.') || 'kind'}`, message: i.message })));
    return { type, payload };
  };

  /** Authorises the request and builds the job, before any byte of the file is read. */
  const plan = async (principal: Principal, fields: CreateImportFields): Promise<ImportPlan> => {
    const admin = isGlobalAdmin(principal.grants);
    const actor = { id: principal.user.id, subject: principal.user.subject };
    if (fields.kind === 'factors') {
      if (!admin) throw errors.forbidden('factor imports are for administrators');
      const scope = fields.submodule ? { submodule: fields.submodule } : { module: fields.module };
      return checked(IMPORT_JOB_TYPES.factors, { ...scope, year: fields.year, dryRun: fields.dryRun, actor });
    }
    if (fields.kind === 'reference') {
      if (!admin) throw errors.forbidden('reference imports are for administrators');
      return checked(IMPORT_JOB_TYPES.reference, { kind: fields.format, ...(fields.year !== undefined ? { year: fields.year } : {}), dryRun: fields.dryRun, actor });
    }
    const format = importFormat(fields.format as DataFormatId);
    if (fields.submodule && !format.targets.includes(fields.submodule)) {
      throw errors.validationFailed([{ path: 'body.submodule', message: `${fields.format} files fill ${format.targets.join(', ')}` }]);
    }
    if (fields.mode === 'per-year') {
      if (!admin) throw errors.forbidden('per-year imports (all units) are for administrators; principals import for their unit (unit-specific)');
    } else {
      const unit = await deps.units.findByCode(fields.unitCode!);
      if (!unit || !unit.active || !canSeeUnit(principal.grants, unit)) throw errors.notFound(`unit ${fields.unitCode}`);
      if (unit.level !== 4) throw errors.validationFailed([{ path: 'body.unitCode', message: `${unit.code} is not a lab (entries belong to level-4 units)` }]);
      if (!admin) {
        if (!isPrincipalOf(principal.grants, unit.code)) throw errors.forbidden(`imports into ${unit.code} are for its principals`);
        const targets: readonly SubmoduleKey[] = fields.submodule ? [fields.submodule] : format.targets;
        for (const target of targets) {
          const definition = submoduleDefinition(target);
          await deps.assertYearOpen(fields.year!, { module: definition.module, submodule: target.split('/')[1] ?? '' });
        }
      }
    }
    return checked(IMPORT_JOB_TYPES.data, {
      format: fields.format,
      mode: fields.mode,
      year: fields.year,
      ...(fields.mode === 'unit-specific' ? { unitCode: fields.unitCode } : {}),
      ...(fields.submodule ? { submodule: fields.submodule } : {}),
      dryRun: fields.dryRun,
      actor,
    });
  };

  /** One transaction: the upload becomes complete and the job row is written; then the runner is woken. */
  const enqueue = async (principal: Principal, importPlan: ImportPlan, upload: StoredUpload): Promise<ImportAccepted> => {
    const definition = deps.registry.get(importPlan.type)!;
    const payload = { ...importPlan.payload, fileId: upload.id };
    const pipelineId = randomUUID();
    const { id } = await deps.db.transaction(async (tx) => {
      await deps.uploads.complete(tx, upload);
      return enqueueJob(tx, {
        type: importPlan.type,
        payload,
        pipelineId,
        lockKey: definition.lockKey?.(definition.payload.parse(payload)) ?? null,
        createdBy: principal.user.id,
      });
    });
    deps.kick();
    return { job: toJob((await deps.jobs.get(id))!), pipelineId };
  };

  return { plan, enqueue };
}
export type StartImport = ReturnType<typeof createStartImport>;
