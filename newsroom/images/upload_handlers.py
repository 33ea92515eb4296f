from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class RequestSizeLimit(FileUploadHandler):
    """Refuse an oversized multipart request from its declared length, before reading it."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.DATA_UPLOAD_MAX_REQUEST_BYTES:
            raise RequestDataTooBig("Upload larger than DATA_UPLOAD_MAX_REQUEST_BYTES.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None
