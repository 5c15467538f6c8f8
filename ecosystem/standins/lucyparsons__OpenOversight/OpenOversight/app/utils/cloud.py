"""OpenOversight.app.utils.cloud.crop_image: it crops an image and uploads it to S3; only a revision's rows reach it."""


def crop_image(image, crop_data=None, department_id=None):
    raise RuntimeError("crop_image needs S3 and an image store")
