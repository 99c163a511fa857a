/**
 * The benchmark's load-client processes (load-client.ts under tsx, each with an IPC channel) and what is read from
 * /proc about the server under load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Target } from './connection.ts';
import type { ClientMessage, DriverMessage } from './messages.ts';

const CLOCK_TICKS = 100; // USER_HZ on Linux
const LOAD_CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/** User + system CPU seconds of a process so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size of a process, in MiB. */
export function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

type Result = Extract<ClientMessage, { type: 'result' }>;

/** One load-client process. */
class ClientProcess {
  readonly child: ChildProcess;
  deliveries = 0;
  private readonly waiting = new Map<ClientMessage['type'], (message: ClientMessage) => void>();
  private readonly exited: Promise<void>;

  constructor() {
    this.child = spawn(process.execPath, ['--import', 'tsx', LOAD_CLIENT], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.on('message', (message: ClientMessage) => {
      if (message.type === 'progress') this.deliveries = message.deliveries;
      this.waiting.get(message.type)?.(message);
    });
  }

  /** Sends `message` and resolves with the next reply of type `reply`. */
  request<T extends ClientMessage['type']>(
    message: DriverMessage,
    reply: T,
  ): Promise<Extract<ClientMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      void this.exited.then(() => reject(new Error(`a load-client process exited while waiting for "${reply}"`)));
      this.waiting.set(reply, (answer) => resolve(answer as Extract<ClientMessage, { type: T }>));
      this.child.send(message);
    });
  }

  send(message: DriverMessage): void {
    this.child.send(message);
  }

  async finish(): Promise<Result> {
    const result = await this.request({ type: 'finish' }, 'result');
    await this.exited;
    return result;
  }
}

/** `count` client processes sharing the clients round-robin (client i in room i % rooms.length). */
export class ClientFleet {
  private readonly processes: ClientProcess[];

  constructor(count: number) {
    this.processes = Array.from({ length: count }, () => new ClientProcess());
  }

  get pids(): number[] {
    return this.processes.map((p) => p.child.pid!);
  }

  /** Opens `clients` connections over `rooms`; resolves with the failures (empty when every client synced). */
  async connect(clients: number, rooms: Target[]): Promise<string[]> {
    const answers = await Promise.all(
      this.processes.map((worker, p) => {
        const mine = [];
        for (let index = p; index < clients; index += this.processes.length) {
          mine.push({ index, room: index % rooms.length, target: rooms[index % rooms.length]! });
        }
        return worker.request({ type: 'connect', clients: mine }, 'connected');
      }),
    );
    return answers.flatMap((answer) => answer.failed);
  }

  run(message: Extract<DriverMessage, { type: 'run' }>): void {
    for (const worker of this.processes) worker.send(message);
  }

  /** Deliveries the clients owe each other for the edits made so far: each edit × the other clients of its room. */
  async owed(rooms: number, clients: number): Promise<number> {
    const answers = await Promise.all(this.processes.map((worker) => worker.request({ type: 'count' }, 'counted')));
    let owed = 0;
    for (const { sentPerRoom } of answers) {
      for (const [room, edits] of sentPerRoom) {
        const members = Math.floor(clients / rooms) + (room < clients % rooms ? 1 : 0);
        owed += edits * (members - 1);
      }
    }
    return owed;
  }

  /** Deliveries observed so far, as last reported (every 250 ms). */
  get deliveries(): number {
    return this.processes.reduce((sum, worker) => sum + worker.deliveries, 0);
  }

  /** Stops the edits, collects every process's result, and waits for the processes to exit. */
  finish(): Promise<Result[]> {
    return Promise.all(this.processes.map((worker) => worker.finish()));
  }
}
