import type { PublishResult } from '@co2/contracts';

export declare function publishDir(o: { dir: string; portal: string; token: string; fetchImpl?: typeof fetch }): Promise<PublishResult>;
