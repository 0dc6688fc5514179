import * as ort from 'onnxruntime-node';

/** A dense float32 tensor, row-major, as the models here take and give. */
export interface TensorF32 {
  data: Float32Array;
  dims: readonly number[];
}

export interface SessionOptions {
  /** Threads inside one operator (default 2: this app's target machines have 2 cores). */
  intraOpThreads?: number;
  /**
   * onnxruntime's CPU memory arena keeps the largest buffers it ever needed. Off by default: input shapes vary by
   * page, and an arena grown for the largest page stays that size for the life of the process.
   */
  memArena?: boolean;
  /**
   * Let the intra-op threads spin between operators (onnxruntime's default, true). Off ("session.intra_op.allow_spinning"
   * 0), a waiting thread sleeps at once: less CPU burnt while other work needs the cores, a little latency per operator.
   */
  spinning?: boolean;
  /**
   * Treat denormal floats as zero ("session.set_denormal_as_zero"): x86 handles them in microcode, many times slower
   * than normal floats, and activations decaying toward zero produce them. Default false (onnxruntime's default).
   */
  denormalAsZero?: boolean;
}

/** One loaded model. The engine behind it (onnxruntime-node today) stays behind this interface. */
export interface InferenceSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorF32>): Promise<Record<string, TensorF32>>;
  dispose(): Promise<void>;
}

/** Loads an ONNX model file for CPU inference. */
export async function createOnnxSession(modelPath: string, o: SessionOptions = {}): Promise<InferenceSession> {
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: o.intraOpThreads ?? 2,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: o.memArena ?? false,
    enableMemPattern: o.memArena ?? false,
    extra: { session: { ...(o.spinning === false ? { intra_op: { allow_spinning: '0' } } : {}), ...(o.denormalAsZero ? { set_denormal_as_zero: '1' } : {}) } },
  });
  return new OrtSession(session);
}

class OrtSession implements InferenceSession {
  constructor(private readonly session: ort.InferenceSession) {}

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  async run(feeds: Record<string, TensorF32>): Promise<Record<string, TensorF32>> {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, [...t.dims]);
    const outputs = await this.session.run(inputs);
    const result: Record<string, TensorF32> = {};
    for (const [name, value] of Object.entries(outputs)) {
      if (value.type !== 'float32') throw new Error(`output ${name} is ${value.type}, expected float32`);
      result[name] = { data: value.data as Float32Array, dims: value.dims };
    }
    return result;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/** Runs a single-input, single-output model. */
export async function runSingle(session: InferenceSession, input: TensorF32): Promise<TensorF32> {
  const inName = session.inputNames[0];
  const outName = session.outputNames[0];
  if (!inName || !outName) throw new Error('model has no input or output');
  const out = (await session.run({ [inName]: input }))[outName];
  if (!out) throw new Error(`model gave no ${outName}`);
  return out;
}
