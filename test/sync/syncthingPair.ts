import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/*
 * Two real Syncthing instances (Debian's syncthing 1.x) sharing one folder between two homes on this machine, on
 * loopback only. Before the first start their config turns off everything that could leave the machine: global and
 * local discovery, relays, NAT traversal and STUN, usage and crash reporting, upgrades. Each knows the other by its
 * device id at an explicit tcp://127.0.0.1 address. The file system watcher is off: the test scans through the REST
 * API when it has written, so every sync is one it asked for.
 */

export const FOLDER_ID = 'hands-on';

export interface SyncthingSide {
  readonly name: string;
  readonly home: string;
  /** The synced folder: the data directory of this side's Hands-On. */
  readonly data: string;
  readonly deviceId: string;
  readonly guiPort: number;
  readonly listenPort: number;
  readonly apiKey: string;
  process?: ChildProcess;
  log: string;
}

export function syncthingAvailable(): boolean {
  return spawnSync('syncthing', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function syncthingVersion(): string {
  return spawnSync('syncthing', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const ENV = { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1', all_proxy: '', http_proxy: '', https_proxy: '' };

/** Sets an `<options>` element of config.xml (it exists in every generated config). */
function setOption(config: string, key: string, value: string): string {
  const pattern = new RegExp(`<${key}>[^<]*</${key}>`);
  if (!pattern.test(config)) return config.replace('</options>', `    <${key}>${value}</${key}>\n    </options>`);
  return config.replace(pattern, `<${key}>${value}</${key}>`);
}

export class SyncthingPair {
  readonly a: SyncthingSide;
  readonly b: SyncthingSide;

  private constructor(a: SyncthingSide, b: SyncthingSide) {
    this.a = a;
    this.b = b;
  }

  /** Generates both homes, writes their configs (offline, loopback only) and starts both. */
  static async start(root: string): Promise<SyncthingPair> {
    const make = async (name: string): Promise<SyncthingSide> => {
      const home = path.join(root, `home-${name}`);
      const data = path.join(root, `data-${name}`);
      fs.mkdirSync(data, { recursive: true });
      // The folder marker Syncthing expects in a folder it shares.
      fs.mkdirSync(path.join(data, '.stfolder'));
      const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8', env: ENV });
      const id = /Device ID: ([A-Z0-9-]+)/.exec(`${generated.stdout}${generated.stderr}`)?.[1];
      if (generated.status !== 0 || !id) throw new Error(`syncthing generate failed: ${generated.stderr}`);
      return { name, home, data, deviceId: id, guiPort: await freePort(), listenPort: await freePort(), apiKey: randomBytes(12).toString('hex'), log: '' };
    };
    const a = await make('a');
    const b = await make('b');
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      writeConfig(self, other);
      start(self);
    }
    const pair = new SyncthingPair(a, b);
    await pair.waitFor('both REST APIs', async () => (await Promise.all([pair.ping(a), pair.ping(b)])).every(Boolean), 30_000);
    await pair.waitConnected();
    return pair;
  }

  async stop(): Promise<void> {
    await Promise.all(
      [this.a, this.b].map(async (side) => {
        const child = side.process;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await this.post(side, '/rest/system/shutdown').catch(() => undefined);
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private async request(side: SyncthingSide, method: string, route: string): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${side.guiPort}${route}`, { method, headers: { 'X-API-Key': side.apiKey }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${method} ${route} on ${side.name}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  get(side: SyncthingSide, route: string): Promise<unknown> {
    return this.request(side, 'GET', route);
  }

  post(side: SyncthingSide, route: string): Promise<unknown> {
    return this.request(side, 'POST', route);
  }

  private async ping(side: SyncthingSide): Promise<boolean> {
    try {
      return ((await this.get(side, '/rest/system/ping')) as { ping?: string }).ping === 'pong';
    } catch {
      return false;
    }
  }

  private other(side: SyncthingSide): SyncthingSide {
    return side === this.a ? this.b : this.a;
  }

  async connected(side: SyncthingSide): Promise<boolean> {
    const connections = (await this.get(side, '/rest/system/connections')) as { connections: Record<string, { connected: boolean }> };
    return connections.connections[this.other(side).deviceId]?.connected === true;
  }

  async waitConnected(): Promise<void> {
    await this.waitFor('the two devices to connect', async () => (await this.connected(this.a)) && (await this.connected(this.b)), 60_000);
  }

  /** Cuts the link: each side pauses the other device (Syncthing's REST API). */
  async pause(): Promise<void> {
    await Promise.all([this.post(this.a, `/rest/system/pause?device=${this.b.deviceId}`), this.post(this.b, `/rest/system/pause?device=${this.a.deviceId}`)]);
    await this.waitFor('the link to go down', async () => !(await this.connected(this.a)) && !(await this.connected(this.b)), 30_000);
  }

  async resume(): Promise<void> {
    await Promise.all([this.post(this.a, `/rest/system/resume?device=${this.b.deviceId}`), this.post(this.b, `/rest/system/resume?device=${this.a.deviceId}`)]);
    await this.waitConnected();
  }

  async scan(side: SyncthingSide): Promise<void> {
    await this.post(side, `/rest/db/scan?folder=${FOLDER_ID}`);
  }

  /**
   * Scans both sides until both folders hold the same files with the same content and Syncthing reports both idle
   * and complete: what one side wrote, the other has.
   */
  async sync(timeoutMs = 60_000): Promise<void> {
    await this.waitFor(
      'both folders to be in sync',
      async () => {
        await Promise.all([this.scan(this.a), this.scan(this.b)]);
        for (const side of [this.a, this.b]) {
          const status = (await this.get(side, `/rest/db/status?folder=${FOLDER_ID}`)) as { state: string; needTotalItems: number };
          const completion = (await this.get(side, `/rest/db/completion?folder=${FOLDER_ID}&device=${this.other(side).deviceId}`)) as { completion: number; needItems: number; needDeletes: number };
          if (status.state !== 'idle' || status.needTotalItems !== 0 || completion.completion !== 100 || completion.needItems + completion.needDeletes !== 0) return false;
        }
        return sameTree(this.a.data, this.b.data);
      },
      timeoutMs,
    );
  }

  /** Events of a kind seen so far on a side (for example 'LocalChangeDetected'). */
  async events(side: SyncthingSide, type: string): Promise<unknown[]> {
    return (await this.get(side, `/rest/events?events=${type}&since=0&timeout=0`)) as unknown[];
  }

  async waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if (await condition()) return;
      } catch {
        // Not up yet, or busy: ask again.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- a ---\n${this.a.log.slice(-3000)}\n--- b ---\n${this.b.log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function writeConfig(self: SyncthingSide, other: SyncthingSide): void {
  const file = path.join(self.home, 'config.xml');
  let config = fs.readFileSync(file, 'utf8');
  const offline: Record<string, string> = {
    listenAddress: `tcp://127.0.0.1:${self.listenPort}`,
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    crashReportingEnabled: 'false',
    urAccepted: '-1',
    autoUpgradeIntervalH: '0',
    startBrowser: 'false',
    announceLANAddresses: 'false',
    // STUN is off when its keepalive is 0.
    stunKeepaliveStartS: '0',
    stunKeepaliveMinS: '0',
    reconnectionIntervalS: '1',
    setLowPriority: 'false',
  };
  for (const [key, value] of Object.entries(offline)) config = setOption(config, key, value);
  const device = (side: SyncthingSide, address: string) =>
    `    <device id="${side.deviceId}" name="${side.name}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>${address}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>\n`;
  const folder = `    <folder id="${FOLDER_ID}" label="${FOLDER_ID}" path="${self.data}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="false" fsWatcherDelayS="10" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${self.deviceId}" introducedBy=""></device>
        <device id="${other.deviceId}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>-1</maxConflicts>
        <markerName>.stfolder</markerName>
    </folder>\n`;
  // Our own device entry is rewritten (explicit address); the other device and the folder go before <gui>.
  config = config.replace(/ {4}<device id="[^"]+"[\s\S]*?<\/device>\n/, device(self, 'dynamic'));
  config = config.replace(/( {4}<gui )/, `${folder}${device(other, `tcp://127.0.0.1:${other.listenPort}`)}$1`);
  fs.writeFileSync(file, config);
}

function start(side: SyncthingSide): void {
  const child = spawn('syncthing', ['serve', `--home=${side.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--gui-address=127.0.0.1:${side.guiPort}`, `--gui-apikey=${side.apiKey}`], {
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    side.log = (side.log + chunk.toString()).slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  side.process = child;
}

/** Relative path → content of every file under `root`, except Syncthing's own and writes in progress. */
export function treeOf(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.stfolder' || entry.name.startsWith('.syncthing.') || entry.name.startsWith('~syncthing~') || entry.name.startsWith('.tmp-')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

function sameTree(a: string, b: string): boolean {
  const left = treeOf(a);
  const right = treeOf(b);
  return left.size === right.size && [...left].every(([name, text]) => right.get(name) === text);
}
