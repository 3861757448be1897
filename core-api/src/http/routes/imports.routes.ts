import { CreateImportFields, DATA_IMPORT_FORMATS, REFERENCE_IMPORT_KINDS, SUBMODULE_KEYS, createImport, getImportCatalogue, getImportTemplate, type ImportCatalogue, type TemplateQuery } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { submoduleDefinition } from '../../domain/modules/registry.js';
import type { StartImport } from '../../domain/jobs/start-import.js';
import { csvTemplate, importFormat, type DataFormatId } from '../../imports/index.js';
import { referenceTemplate, referenceTemplateFilename } from '../../imports/reference/index.js';
import { refuseByContent, refuseByName } from '../../imports/csv-upload.js';
import type { StoredUpload, UploadStore } from '../../repositories/upload.repository.js';
import { UploadTooLargeError } from '../../repositories/upload.repository.js';
import { readMultipart } from '../multipart.js';
import { rawRoute, route } from '../route.js';
import { issuesToDetails } from '../validation.js';

export interface ImportRouteDeps {
  startImport: StartImport;
  uploads: UploadStore;
  maxUploadBytes: number;
}

/** The first bytes of a stream, for content sniffing, then the whole stream again. */
async function* sniffed(stream: AsyncIterable<Buffer>, check: (head: Buffer) => void): AsyncGenerator<Buffer> {
  let checked = false;
  for await (const piece of stream) {
    if (!checked) {
      check(piece);
      checked = true;
    }
    yield piece;
  }
}

function catalogue(maxUploadBytes: number): ImportCatalogue {
  return {
    maxUploadBytes,
    data: DATA_IMPORT_FORMATS.map((format) => ({ format, targets: [...importFormat(format as DataFormatId).targets], modes: ['unit-specific', 'per-year'] })),
    factors: SUBMODULE_KEYS.filter((k) => !submoduleDefinition(k).derived).map((submodule) => ({ submodule })),
    reference: REFERENCE_IMPORT_KINDS.map((kind) => ({ kind })),
  };
}

function template(query: TemplateQuery): { filename: string; content: string } {
  if (query.kind === 'reference') {
    if (!(REFERENCE_IMPORT_KINDS as readonly string[]).includes(query.format!)) throw errors.notFound(`reference import format ${query.format}`);
    const kind = query.format as (typeof REFERENCE_IMPORT_KINDS)[number];
    return { filename: referenceTemplateFilename(kind), content: referenceTemplate(kind) };
  }
  if (query.kind === 'factors') return csvTemplate({ format: 'factors', submodule: query.submodule });
  if (!(DATA_IMPORT_FORMATS as readonly string[]).includes(query.format!)) throw errors.notFound(`data import format ${query.format}`);
  return csvTemplate({ format: query.format as DataFormatId, mode: query.mode });
}

export const importRoutes = (deps: ImportRouteDeps) => [
  route(getImportCatalogue, async () => catalogue(deps.maxUploadBytes)),
  rawRoute(getImportTemplate, async ({ query }, _ctx, _req, res) => {
    const { filename, content } = template(query);
    res.status(200).type('text/csv; charset=utf-8').attachment(filename).send(content);
  }),
  rawRoute(createImport, async (_input, { principal }, req, res) => {
    const accepted = await readMultipart(
      req,
      { maxFileBytes: deps.maxUploadBytes, fileField: 'file', discard: (v: { upload: StoredUpload }) => deps.uploads.remove(v.upload.id) },
      async (rawFields, file) => {
        const fields = CreateImportFields.safeParse(rawFields);
        if (!fields.success) throw errors.validationFailed(issuesToDetails('body', fields.error));
        const refusal = refuseByName(file.name, file.contentType);
        if (refusal) throw errors.unsupportedMediaType(refusal);
        const plan = await deps.startImport.plan(principal, fields.data);
        const content = sniffed(file.content, (head) => {
          const binary = refuseByContent(head);
          if (binary) throw errors.unsupportedMediaType(binary);
        });
        try {
          const upload = await deps.uploads.save(content, { name: file.name, contentType: file.contentType, createdBy: principal.user.id, maxBytes: deps.maxUploadBytes });
          return { plan, upload };
        } catch (error) {
          if (error instanceof UploadTooLargeError) throw errors.payloadTooLarge(error.limitBytes);
          throw error;
        }
      },
    );
    const body = await deps.startImport.enqueue(principal, accepted.plan, accepted.upload).catch(async (error: unknown) => {
      await deps.uploads.remove(accepted.upload.id).catch(() => undefined);
      throw error;
    });
    res.status(202).location(`/api/v1/jobs/${body.job.id}`).json(createImport.response.schema.parse(body));
  }),
];
