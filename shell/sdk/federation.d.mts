type Shared = Record<string, { singleton: boolean; requiredVersion: string }>;
export declare const SHARED_SINGLETONS: Shared;
export declare const SHARE_STRATEGY: 'loaded-first';
export declare function remoteFederationOptions(name: string): {
  name: string;
  filename: string;
  exposes: Record<string, string>;
  shared: Shared;
  shareStrategy: 'loaded-first';
  dts: false;
  manifest: boolean;
};
