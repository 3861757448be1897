// oidc-provider's own in-memory adapter (internal module, not in its public types). Passing it
// explicitly gives each provider its own storage and silences the "quick start adapter" warning: the
// dev-idp is in-memory on purpose (sessions and grants are lost on restart; signing keys persist).
import type { AdapterFactory } from 'oidc-provider';
// @ts-expect-error internal module of oidc-provider 9 without type declarations
import { createMemoryAdapter as create } from 'oidc-provider/lib/adapters/memory_adapter.js';

export const createMemoryAdapter = create as (clockTolerance?: number) => AdapterFactory;
