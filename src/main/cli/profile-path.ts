// The CLI's check of --profile before any command opens it: a path that is (or lies inside) a
// file would otherwise read as an empty profile, and each command would say something misleading.

import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'

import { AppError } from '../errors'
import { errorCode } from '../fs/node-fs'

/** Throws unless `profile` is a folder or can become one (it, or its missing parents, are created). */
export async function checkProfileFolder(profile: string): Promise<void> {
  for (let path = profile; ; path = dirname(path)) {
    let isFolder: boolean
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      const code = errorCode(error)
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) continue
      throw error
    }
    if (isFolder) return
    throw new AppError(
      'invalid-request',
      path === profile
        ? `${profile} is a file, not a profile folder`
        : `${profile} is not a profile folder: ${path} is a file`
    )
  }
}
