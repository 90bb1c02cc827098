export function packageDirOf(moduleId: string, root: string): string | undefined;
export function thirdPartyLicenceText(
  packageDirs: readonly string[],
  root: string,
  title: string,
): string;
