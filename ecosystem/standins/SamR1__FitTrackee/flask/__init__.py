# stand-in: revisions read current_app.config['UPLOAD_FOLDER'] to rename files on disk
class _App:
    config = {"UPLOAD_FOLDER": "/nonexistent-upload-folder"}
current_app = _App()
