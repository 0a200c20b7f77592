/** A file from an export procedure as a download response. */
export function download(file: { filename: string; mediaType: string; contentBase64: string }): Response {
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'content-type': file.mediaType,
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]+/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
}
