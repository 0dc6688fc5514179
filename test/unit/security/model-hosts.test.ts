import { describe, expect, it } from 'vitest';
import { hubBase, modelHosts, secureOrLoopback } from '../../../main/node/models/fetch/hub-urls.js';

describe('model downloads: https to configured hosts only', () => {
  it('accepts the default hub, HF_ENDPOINT and IC_MODEL_HOSTS over https, and a mirror on this machine over http', () => {
    expect(hubBase(undefined, {})).toBe('https://huggingface.co');
    expect(hubBase(undefined, { HF_ENDPOINT: 'https://hf-mirror.com' })).toBe('https://hf-mirror.com');
    expect(hubBase('https://models.example.gov.cn/hf', { IC_MODEL_HOSTS: 'models.example.gov.cn' })).toBe('https://models.example.gov.cn/hf');
    expect(hubBase('http://127.0.0.1:8080', {})).toBe('http://127.0.0.1:8080');
  });

  it('refuses plain http to another machine and hosts nobody configured', () => {
    expect(() => hubBase('http://huggingface.co', {})).toThrow(/must be an https:\/\/ URL/);
    expect(() => hubBase('https://evil.example', {})).toThrow(/not a configured model host/);
    expect(() => hubBase(undefined, { HF_ENDPOINT: 'http://mirror.example' })).toThrow(/https/);
    expect(() => hubBase('ftp://huggingface.co', {})).toThrow(/http:\/\/ or https:\/\//);
  });

  it('lists the hosts and judges redirect targets', () => {
    expect(modelHosts({ HF_ENDPOINT: 'https://hf-mirror.com', IC_MODEL_HOSTS: 'a.example, B.example' })).toEqual(['huggingface.co', 'hf-mirror.com', 'a.example', 'b.example']);
    expect(secureOrLoopback('https://cdn-lfs.huggingface.co/x')).toBe(true);
    expect(secureOrLoopback('http://cdn.example/x')).toBe(false);
    expect(secureOrLoopback('http://localhost:9/x')).toBe(true);
  });
});
