import { describe, expect, it } from 'vitest';
import { ConfigError, defaultPipeline, parsePipeline } from '../src/config.js';

describe('pipeline files are validated with messages that name the key, the file and the line', () => {
  it('accepts the bundled default pipeline', () => {
    const config = defaultPipeline();
    expect(config.inputs).toEqual(['../corpus']);
    expect(config.limits.maxPages).toBe(3000);
    expect(config.stages.segment.languages).toEqual(['id', 'en']);
  });

  it('names the key, file and line of a wrong type', () => {
    const yaml = 'version: 1\ninputs:\n  - corpus\njobs: many\n';
    expect(() => parsePipeline(yaml, '/p/study.yaml')).toThrow(ConfigError);
    try {
      parsePipeline(yaml, '/p/study.yaml');
    } catch (error) {
      expect((error as Error).message).toMatch(/^\/p\/study\.yaml:4: jobs: /);
    }
  });

  it('names an unknown key inside a stage', () => {
    const yaml = 'stages:\n  layout:\n    footnotes: true\n    colums: false\n';
    expect(() => parsePipeline(yaml, 'x.yaml')).toThrow(/x\.yaml:3: stages\.layout: unknown key\(s\) "colums"/);
  });

  it('reports invalid YAML with its line', () => {
    expect(() => parsePipeline('inputs: [a\nb: c', 'bad.yaml')).toThrow(/bad\.yaml(:\d+)?: not valid YAML/);
  });

  it('fills defaults for everything left out', () => {
    const config = parsePipeline('{}', null, '/base');
    expect(config.database).toBe('output/telaah.sqlite');
    expect(config.jobs).toBe('auto');
    expect(config.baseDir).toBe('/base');
  });
});
