// Test doubles for the two browser transports fetch cannot replace: XMLHttpRequest uploads and EventSource.

type Listener = (event: Event) => void;

class Listeners {
  private readonly map = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener) {
    this.map.set(type, [...(this.map.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: Listener) {
    this.map.set(type, (this.map.get(type) ?? []).filter((l) => l !== listener));
  }
  dispatch(type: string, event: Event) {
    for (const listener of this.map.get(type) ?? []) listener(event);
  }
}

/** A stand-in EventSource: `FakeEventSource.last().emit('job', job)` delivers one event to the page. */
export class FakeEventSource extends Listeners {
  static instances: FakeEventSource[] = [];
  static last(): FakeEventSource {
    const last = FakeEventSource.instances.at(-1);
    if (!last) throw new Error('no EventSource was opened');
    return last;
  }
  static reset() {
    FakeEventSource.instances = [];
  }
  readyState = 1;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  emit(type: string, data: unknown) {
    this.dispatch(type, Object.assign(new Event(type), { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }
  /** The browser gave up on the stream (readyState CLOSED) and fires `error`. */
  fail() {
    this.readyState = 2;
    this.dispatch('error', new Event('error'));
  }
  close() {
    this.readyState = 2;
  }
}

/** A stand-in XMLHttpRequest: records the request; the test drives `progress(…)` and `respond(…)`. */
export class FakeXhr extends Listeners {
  static instances: FakeXhr[] = [];
  static last(): FakeXhr {
    const last = FakeXhr.instances.at(-1);
    if (!last) throw new Error('no XMLHttpRequest was sent');
    return last;
  }
  static reset() {
    FakeXhr.instances = [];
  }
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  withCredentials = false;
  status = 0;
  responseText = '';
  aborted = false;
  readonly upload = new Listeners();
  constructor() {
    super();
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.dispatch('abort', new Event('abort'));
  }
  progress(loaded: number, total: number | null) {
    this.upload.dispatch('progress', Object.assign(new Event('progress'), { loaded, total: total ?? 0, lengthComputable: total !== null }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.dispatch('load', new Event('load'));
  }
  networkError() {
    this.dispatch('error', new Event('error'));
  }
}
