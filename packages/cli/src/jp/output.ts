import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Io, OutputStream } from '../io.js';

const BUFFER = 1 << 16;

/**
 * Where `bangkom jp` writes its results, piece by piece: stdout (waiting for the reader when it
 * falls behind, so memory does not grow with the output) or `--out FILE`, written next to its
 * destination and renamed into place only when complete — a failed run leaves no half-written file.
 */
export class Output {
  private buffer: string[] = [];
  private size = 0;
  private readonly stream: OutputStream | undefined;
  /** The `--out` file being written (under its partial name until complete). */
  private readonly fileStream: Writable | undefined;
  private readonly partial: string | undefined;

  private constructor(
    private readonly io: Io,
    private readonly file: string | undefined,
    stream: OutputStream | undefined,
    fileStream: Writable | undefined,
    partial: string | undefined,
  ) {
    this.stream = stream;
    this.fileStream = fileStream;
    this.partial = partial;
  }

  static async open(io: Io, file: string | undefined): Promise<Output> {
    if (file === undefined) return new Output(io, undefined, io.stdoutStream, undefined, undefined);
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    const stream = createWriteStream(partial);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return new Output(io, file, stream, stream, partial);
  }

  /**
   * Adds text; every 64 KiB it is handed on, and the returned promise makes the caller wait while
   * the reader catches up (undefined when there is nothing to wait for: no await per row).
   */
  write(text: string): Promise<void> | undefined {
    this.buffer.push(text);
    this.size += text.length;
    return this.size >= BUFFER ? this.drain() : undefined;
  }

  private async drain(): Promise<void> {
    if (this.size === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream) {
      this.io.stdout(text);
      return;
    }
    const stream = this.stream;
    if (!stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          stream.off('error', fail);
          resolve();
        };
        const fail = (error?: Error) => {
          stream.off('drain', done);
          reject(error ?? new Error('write failed'));
        };
        stream.once('drain', done);
        stream.once('error', fail);
      });
    }
  }

  /** Writes what is left; a file is closed and moved into place. */
  async close(): Promise<void> {
    await this.drain();
    if (this.file !== undefined && this.fileStream && this.partial) {
      const stream = this.fileStream;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      await rename(this.partial, this.file);
    }
  }

  /** Drops a file being written (the run failed). */
  async abort(): Promise<void> {
    if (this.file !== undefined && this.fileStream && this.partial) {
      this.fileStream.destroy();
      await rm(this.partial, { force: true });
    }
  }
}
