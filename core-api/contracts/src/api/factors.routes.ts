import { CopyFactorsBody, CopyFactorsResult, CreateFactorBody, FactorImpact, FactorImpactBody, Factor, FactorPage, FactorWritten, FactorPathParams, ListFactorsQuery, Taxonomy, TaxonomyPathParams, UpdateFactorBody } from '../factors.js';
import { defineRoute } from './route.js';

const tags = ['factors'];

export const listFactors = defineRoute({
  operationId: 'listFactors',
  method: 'get',
  path: '/api/v1/factors',
  auth: 'admin',
  summary: 'Emission factors, filtered by year, submodule and text (`q`). Administrators only.',
  tags,
  request: { query: ListFactorsQuery },
  response: { status: 200, description: 'A page of factors', schema: FactorPage },
});

export const getFactor = defineRoute({
  operationId: 'getFactor',
  method: 'get',
  path: '/api/v1/factors/{id}',
  auth: 'admin',
  summary: 'One factor. Administrators only.',
  tags,
  request: { params: FactorPathParams },
  errors: [404],
  response: { status: 200, description: 'The factor', schema: Factor },
});

export const createFactor = defineRoute({
  operationId: 'createFactor',
  method: 'post',
  path: '/api/v1/factors',
  auth: 'admin',
  summary: 'Creates a factor (409 when one with the same submodule, year, emission type and classification exists). New computations use it; the existing entries of its submodule and year are recomputed by the recalculation pipeline it starts (`recalculation`: job and pipeline ids to follow). Audited.',
  tags,
  request: { body: CreateFactorBody },
  errors: [409],
  response: { status: 201, description: 'The factor and the recalculation it started', schema: FactorWritten },
});

export const updateFactor = defineRoute({
  operationId: 'updateFactor',
  method: 'patch',
  path: '/api/v1/factors/{id}',
  auth: 'admin',
  summary: 'Changes a factor’s emission type, classification, values, unit or source, and starts the recalculation pipeline of the entries it feeds (`recalculation`: job and pipeline ids to follow). Audited.',
  tags,
  request: { params: FactorPathParams, body: UpdateFactorBody },
  errors: [404, 409],
  response: { status: 200, description: 'The factor and the recalculation it started', schema: FactorWritten },
});

export const getTaxonomy = defineRoute({
  operationId: 'getTaxonomy',
  method: 'get',
  path: '/api/v1/years/{year}/taxonomies/{submodule}',
  auth: 'user',
  summary: 'Dropdown options of a submodule for a year (e.g. equipment classes and sub-classes), derived from the year’s factors',
  tags,
  request: { params: TaxonomyPathParams },
  response: { status: 200, description: 'The options', schema: Taxonomy },
});

export const copyFactors = defineRoute({
  operationId: 'copyFactors',
  method: 'post',
  path: '/api/v1/factor-copies',
  auth: 'admin',
  summary: 'Copies every factor of a year (or of one submodule) into another year; factors the target year already has are kept. Starts the recalculation of the target year’s submodules that got factors. Administrators only; audited.',
  tags,
  request: { body: CopyFactorsBody },
  response: { status: 200, description: 'What was copied', schema: CopyFactorsResult },
});

export const previewFactorImpact = defineRoute({
  operationId: 'previewFactorImpact',
  method: 'post',
  path: '/api/v1/factors/{id}/impact',
  auth: 'admin',
  summary: 'Impact preview of new values for a factor: per unit, the kg of the entries computed with it, now and after, computed by the recalculation’s own set-based statements in a transaction that is rolled back (nothing is written). Administrators only.',
  tags,
  request: { params: FactorPathParams, body: FactorImpactBody },
  errors: [404],
  response: { status: 200, description: 'The impact', schema: FactorImpact },
});
