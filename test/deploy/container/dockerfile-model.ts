/** A Dockerfile read just far enough to check what it promises: stages and their instructions. */
export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

export function readDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name, value = ''] = rest.split('=');
      args.set(name!.trim(), value.trim());
    } else if (upper === 'FROM') {
      const [image = '', , name] = rest.split(/\s+/);
      stages.push({ name, image: image.replace(/\$\{(\w+)\}/g, (_, arg: string) => args.get(arg) ?? ''), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args: rest });
    }
  }
  return stages;
}

export function instruction(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

export function jsonArgs(instruction: Instruction | undefined): string[] {
  return instruction ? (JSON.parse(instruction.args) as string[]) : [];
}
